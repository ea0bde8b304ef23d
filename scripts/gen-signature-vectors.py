#!/usr/bin/env python3
"""Signs every string of tests/vectors/signature-input.json with every secret, using Python's
hmac/hashlib/base64, and writes tests/vectors/signature.json. Independent of Node and Rust."""
import base64, hashlib, hmac, json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent / "tests" / "vectors"
src = json.loads((root / "signature-input.json").read_text(encoding="utf-8"))
cases = []
for secret_name, secret in src["secrets"].items():
    for t in src["texts"]:
        digest = hmac.new(secret.encode("utf-8"), t["text"].encode("utf-8"), hashlib.sha1).digest()
        cases.append({"name": f'{t["name"]}/{secret_name}', "app_secret": secret,
                      "string_to_sign": t["text"], "signature": base64.b64encode(digest).decode("ascii")})
out = {"generated": "by scripts/gen-signature-vectors.py (Python hmac); do not edit", "cases": cases}
(root / "signature.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
(root / "signature-input.json").unlink()
print(f"{len(cases)} signature cases")
