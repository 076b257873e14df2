evaluate(new File(itSources, 'schemas.groovy'))
def server = System.properties.remove('it.registry.server')
def requests = System.properties.remove('it.registry.requests')
server.stop(0)
String log = expectLog('(dry run: nothing will be written)', 'skill.created-value', 'Plan: 20 write(s). Dry run: nothing written.',
    'Applied: 20 write(s)', 'Registered now:')
// the credentials of settings.xml's <server> it-registry reached the registry, and never the log
String basic = 'Basic ' + 'svc:s3cret-pw'.bytes.encodeBase64().toString()
assert !requests.isEmpty() && requests.every { it[2] == basic }: requests.collect { it[2] }.unique()
assert !log.contains('s3cret-pw'): 'the password was logged'
assert requests.count { it[0] == 'POST' } == 10: requests
true
