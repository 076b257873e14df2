evaluate(new File(itSources, 'schemas.groovy'))
copySchemas()
edit('avro/skill.created.avsc', '"fields": [\n          {"name": "skill_id"',
    '"fields": [\n          {"name": "owner", "type": ["null", "string"], "default": null, "doc": "Owner."},\n          {"name": "skill_id"')
edit('json/skill.created.json', '"properties": {\n        "skill_id"',
    '"properties": {\n        "owner": {"type": "string", "description": "Owner."},\n        "skill_id"')
true
