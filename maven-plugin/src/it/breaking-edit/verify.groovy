evaluate(new File(itSources, 'schemas.groovy'))
int line = new File(basedir, 'schemas/avro/skill.created.avsc').readLines().findIndexOf { it.contains('"owner"') } + 1
expectLog("schemas/avro/skill.created.avsc:${line}:", 'AVRO_READER_FIELD_MISSING_DEFAULT_VALUE',
    'Readers affected: gen-service (Generation Service)', 'Fix: ',
    'breaking changes against event-contracts ', ' in skill.created-value')
true
