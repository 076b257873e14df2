evaluate(new File(itSources, 'schemas.groovy'))
copySchemas()
['avro/skill.created.avsc': 'avro/skill.archived.avsc', 'json/skill.created.json': 'json/skill.archived.json'].each { from, to ->
  new File(basedir, 'schemas/' + to).setText(new File(basedir, 'schemas/' + from).getText('UTF-8')
      .replace('skill.created', 'skill.archived').replace('SkillCreated', 'SkillArchived')
      .replace('a new skill is created', 'a skill is archived').replace('was created', 'was archived'), 'UTF-8')
}
edit('catalog.yaml', '  skill.updated:\n', '''  skill.archived:
    event: skill.archived
    description: Published when a skill is archived.
    key: skill_id
    retention: 7d
    schemas:
      avro: avro/skill.archived.avsc
      json: json/skill.archived.json
  skill.updated:
''')
true
