evaluate(new File(itSources, 'schemas.groovy'))
expectLog('wrote      docs/reference/kafka-topics.md', 'wrote      docs/reference/asyncapi.yaml', 'docs: up to date (docs/reference/kafka-topics.md, docs/reference/asyncapi.yaml)')
assert new File(basedir, 'docs/reference/kafka-topics.md').text.contains('skill.created')
assert new File(basedir, 'docs/reference/asyncapi.yaml').text.contains('asyncapi: 3.0.0')
true
