"""Print constraints.txt: the exact installed version of every package that the given
requirement files pull in (themselves and their dependencies, markers evaluated for this
Python). Run it where the tests passed:

    python3 scripts/freeze_constraints.py requirements.txt requirements-dev.txt > constraints.txt
"""
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def requirements(path):
    """The requirements listed in `path`, following `-r other.txt` lines."""
    path = Path(path)
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r"):
            yield from requirements(path.parent / line[2:].strip())
        elif line:
            yield Requirement(line)


def installed_closure(paths):
    """{canonical name: installed version} of everything the requirement files pull in."""
    versions, seen = {}, set()
    todo = [req for path in paths for req in requirements(path)]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        version = metadata.version(req.name)
        if not req.specifier.contains(version, prereleases=True):
            raise SystemExit(f"installed {req.name} {version} does not satisfy {req}")
        name = canonicalize_name(req.name)
        if (name, frozenset(req.extras)) in seen:
            continue
        seen.add((name, frozenset(req.extras)))
        versions[name] = version
        for line in metadata.requires(req.name) or []:
            dep = Requirement(line)
            if dep.marker is None or any(dep.marker.evaluate({"extra": e}) for e in {""} | req.extras):
                dep.marker = None
                todo.append(dep)
    return versions


if __name__ == "__main__":
    print("# Exact versions the test suite ran with (scripts/freeze_constraints.py). The Docker image")
    print("# and scripts/test.sh install with `-c constraints.txt`, so a clean machine gets these.")
    for name, version in sorted(installed_closure(sys.argv[1:]).items()):
        print(f"{name}=={version}")
