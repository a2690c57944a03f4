#!/usr/bin/env python3
"""validate.py SCHEMA LOG: check a SARIF log against the SARIF 2.1.0 schema
(draft-07) with python3-jsonschema; print every violation and exit 1 if any."""
import json
import sys

import jsonschema

schema_path, log_path = sys.argv[1:3]
with open(schema_path) as f:
    schema = json.load(f)
with open(log_path) as f:
    log = json.load(f)
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
for error in errors:
    where = "/".join(str(p) for p in error.absolute_path)
    print(f"{log_path}: /{where}: {error.message}")
print(f"{log_path}: {'valid' if not errors else 'INVALID'} SARIF 2.1.0 ({len(errors)} errors)")
sys.exit(1 if errors else 0)
