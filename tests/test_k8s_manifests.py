"""deploy/k8s: every manifest is valid against the Kubernetes schemas (kubernetes-validate
ships them, so this runs offline, strict: an unknown field fails), and the pieces fit
together: the probes, the pinned image, the sizes, cookie affinity and websocket
timeouts, the autoscaler's target and the disruption budget's selector."""
import re
from pathlib import Path

import pytest
import yaml
from kubernetes_validate import utils as kube

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "deploy" / "k8s"
VERSION = "1.30.0"   # the oldest Kubernetes these manifests are checked against ...
LATEST = kube.latest_version()   # ... and the newest the package knows


def manifests():
    """(file name, resource) of every Kubernetes object in deploy/k8s."""
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        found += [(path.name, doc) for doc in yaml.safe_load_all(path.read_text()) if doc]
    return found


def by_kind(kind):
    (resource,) = [doc for _, doc in manifests() if doc["kind"] == kind]
    return resource


@pytest.mark.parametrize("version", [VERSION, LATEST])
@pytest.mark.parametrize("name, resource", manifests(), ids=[name for name, _ in manifests()])
def test_every_manifest_is_valid_against_the_kubernetes_schema(name, resource, version):
    kube.validate(resource, version, strict=True)   # raises ValidationError


def test_the_validator_catches_a_mistake():
    broken = by_kind("Deployment")
    broken = {**broken, "spec": {**broken["spec"], "replicas": "two"}}
    with pytest.raises(kube.ValidationError):
        kube.validate(broken, VERSION, strict=True)


def test_the_kustomization_lists_every_manifest():
    listed = yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == sorted({name for name, _ in manifests()})


def test_the_pods_are_probed_pinned_and_sized():
    pod = by_kind("Deployment")["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    image = container["image"]
    assert not image.endswith(":latest") and (re.search(r":[\w.-]+$", image) or "@sha256:" in image)
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    requests, limits = container["resources"]["requests"], container["resources"]["limits"]
    assert {"cpu", "memory"} <= set(requests) and {"cpu", "memory"} <= set(limits)
    assert {"name": "BPVIZ_WORKERS", "value": "1"} in container["env"]
    assert pod["securityContext"]["runAsNonRoot"] is True


def test_labels_and_selectors_agree():
    deployment = by_kind("Deployment")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert by_kind("Service")["spec"]["selector"].items() <= labels.items()
    assert by_kind("PodDisruptionBudget")["spec"]["selector"]["matchLabels"].items() <= labels.items()
    target = by_kind("HorizontalPodAutoscaler")["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"])
    backend = by_kind("Ingress")["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == by_kind("Service")["metadata"]["name"]


def test_the_ingress_keeps_a_browser_on_its_pod_and_its_websocket_open():
    notes = by_kind("Ingress")["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert notes[prefix + "affinity"] == "cookie"
    assert int(notes[prefix + "proxy-read-timeout"]) >= 60 and int(notes[prefix + "proxy-send-timeout"]) >= 60
    hpa = by_kind("HorizontalPodAutoscaler")["spec"]
    assert hpa["metrics"][0]["resource"]["name"] == "cpu" and hpa["minReplicas"] >= 2


def test_the_image_is_the_one_the_readme_builds():
    """The Deployment's image is what the README's Docker command tags (the project's
    version from pyproject.toml, no registry placeholder), and kustomization.yaml's
    `images:` entry, where a registry is set, names that same image."""
    import tomllib
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    (container,) = by_kind("Deployment")["spec"]["template"]["spec"]["containers"]
    assert container["image"] == f"bpviz:{version}"
    readme = (ROOT / "README.md").read_text()
    assert f"docker build -t bpviz:{version} ." in readme
    assert f"# bpviz for a classroom server: `docker build -t bpviz:{version} ." in (ROOT / "Dockerfile").read_text()
    (entry,) = yaml.safe_load((K8S / "kustomization.yaml").read_text())["images"]
    assert entry == {"name": "bpviz", "newTag": version}
