evaluate(new File(itSources, 'schemas.groovy'))
expectLog('wrote      docs/kafka-topics.md', 'wrote      docs/asyncapi.yaml', 'docs: up to date (docs/kafka-topics.md, docs/asyncapi.yaml)')
assert new File(basedir, 'docs/kafka-topics.md').text.contains('skill.created')
assert new File(basedir, 'docs/asyncapi.yaml').text.contains('asyncapi: 3.0.0')
true
