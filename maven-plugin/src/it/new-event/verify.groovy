evaluate(new File(itSources, 'schemas.groovy'))
expectLog('check: compatible with event-contracts ', '(12 subjects,', 'new, nothing to be compatible with: skill.archived',
    'BUILD SUCCESS')
true
