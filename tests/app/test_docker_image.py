"""The Docker image holds a working app: stage exactly the paths the Dockerfile's COPY
lines name (minus what .dockerignore leaves out of the build context), then open every
page from that staged tree in a separate Python whose imports can only come from it.
No Docker daemon is needed; a renamed or forgotten folder turns this red.

Also: the image is reproducible (base image pinned to the Python the tests run on, pip
installs with the constraints file that pins what the tests ran with)."""
import fnmatch
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"


def instructions(text):
    """(INSTRUCTION, arguments) of a Dockerfile, continuation lines joined."""
    joined = re.sub(r"\\\n", " ", text)
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            yield word.upper(), rest.strip()


def copy_lines(text):
    """[(sources, destination)] of the COPY instructions, flags (--chown=...) dropped."""
    copies = []
    for word, rest in instructions(text):
        if word == "COPY":
            parts = json.loads(rest) if rest.startswith("[") else shlex.split(rest)
            parts = [p for p in parts if not p.startswith("--")]
            copies.append((parts[:-1], parts[-1]))
    return copies


def ignored(relative, patterns):
    """True if .dockerignore's `patterns` leave `relative` (a posix path) out of the context."""
    parts = relative.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    for pattern in patterns:
        pattern = pattern.strip().strip("/")
        for prefix in prefixes:
            if fnmatch.fnmatch(prefix, pattern) or (pattern.startswith("**/")
                                                    and fnmatch.fnmatch(prefix.split("/")[-1], pattern[3:])):
                return True
    return False


def stage(destination, dockerfile):
    """Copy what `dockerfile` (its text) copies from the repository into `destination`
    (the WORKDIR); an AssertionError names a COPY source missing from the build context."""
    ignore_file = ROOT / ".dockerignore"
    patterns = [p for p in ignore_file.read_text().splitlines() if p.strip() and not p.startswith("#")]
    copies = copy_lines(dockerfile)
    for sources, target in copies:
        target_dir = destination / target.rstrip("/") if target not in (".", "./") else destination
        for source in sources:
            path = ROOT / source
            assert path.exists() and not ignored(source, patterns), f"COPY {source}: not in the build context"
            if path.is_dir():
                for file in path.rglob("*"):
                    relative = file.relative_to(ROOT).as_posix()
                    if file.is_file() and not ignored(relative, patterns):
                        copied = target_dir / file.relative_to(path)
                        copied.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(file, copied)
            else:
                into = target_dir / path.name if (len(sources) > 1 or target.endswith("/")
                                                  or target in (".", "./")) else target_dir
                into.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, into)
    return copies


# Runs inside the staged tree: the page list comes from the staged bpviz, every page is
# opened through the staged app.py, and the result is printed as JSON.
OPEN_EVERY_PAGE = """
import json, sys
from pathlib import Path
import bpviz
from bpviz.ui.frame import PAGES
from streamlit.testing.v1 import AppTest
here = Path.cwd().resolve()
result = {"bpviz": str(Path(bpviz.__file__).resolve()), "pages": {}}
for script, *_ in PAGES:
    at = AppTest.from_file(str(here / "app.py"), default_timeout=120)
    at.run()
    if not at.exception:
        at.switch_page(script).run()
    result["pages"][script] = {"errors": [str(e.value) for e in at.exception],
                               "titles": [t.value for t in at.title]}
print(json.dumps(result))
"""


def test_the_dockerfile_copies_the_page_scripts_and_the_package():
    copied = {source for sources, _ in copy_lines(DOCKERFILE.read_text()) for source in sources}
    assert {"app.py", "bpviz", "views", ".streamlit"} <= copied
    assert "pages" not in copied   # a pages/ folder would switch Streamlit to its legacy layout


def test_every_page_opens_from_exactly_what_the_image_copies(tmp_path):
    stage(tmp_path, DOCKERFILE.read_text())
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
    run = subprocess.run([sys.executable, "-c", OPEN_EVERY_PAGE], cwd=tmp_path, env=environment,
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert Path(result["bpviz"]).is_relative_to(tmp_path.resolve())   # imported from the staged tree
    pages = result["pages"]
    assert set(pages) == {f"views/{p.name}" for p in (ROOT / "views").glob("*.py")}
    for script, page in pages.items():
        assert page["errors"] == [], (script, page["errors"])
        assert page["titles"], f"{script} drew no title"


def test_a_copy_of_a_missing_or_ignored_folder_is_caught(tmp_path):
    """Today's failure (COPY pages, a folder that is gone) and a folder .dockerignore drops."""
    for source in ("pages", "tests"):
        broken = DOCKERFILE.read_text().replace("COPY --chown=bpviz views views",
                                                f"COPY --chown=bpviz {source} {source}")
        with pytest.raises(AssertionError, match=f"COPY {source}:"):
            stage(tmp_path / source, broken)


def test_the_image_is_pinned_to_the_python_and_packages_the_tests_run_on():
    base = next(rest for word, rest in instructions(DOCKERFILE.read_text()) if word == "FROM")
    assert base.startswith(f"python:{sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}-")
    installs = [rest for word, rest in instructions(DOCKERFILE.read_text()) if word == "RUN" and "pip install" in rest]
    assert installs and all("-c constraints.txt" in rest for rest in installs)
    pins = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text().splitlines()
                if line and not line.startswith("#"))
    assert {"streamlit", "numpy", "plotly"} <= set(pins)
    assert {name: metadata.version(name) for name in pins} == pins
