evaluate(new File(itSources, 'schemas.groovy'))
expectLog('check: compatible with event-contracts ', '(10 subjects,', 'BUILD SUCCESS')
true
