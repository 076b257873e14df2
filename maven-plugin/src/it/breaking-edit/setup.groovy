evaluate(new File(itSources, 'schemas.groovy'))
copySchemas()
edit('avro/skill.created.avsc', '"fields": [\n          {"name": "skill_id"',
    '"fields": [\n          {"name": "owner", "type": "string", "doc": "Owner."},\n          {"name": "skill_id"')
true
