evaluate(new File(itSources, 'schemas.groovy'))
String log = expectLog('the project does not depend on io.github.eventcontracts:event-contracts', 'Add the dependency')
assert !log.contains('NullPointerException'): log
true
