// A stub of a Confluent-compatible registry on a free loopback port: it knows no subject until one is registered,
// and records the Authorization header of every request. The build finds it through .mvn/maven.config.
import com.sun.net.httpserver.HttpServer
evaluate(new File(itSources, 'schemas.groovy'))
copySchemas()
def registered = Collections.synchronizedMap([:])
def requests = Collections.synchronizedList([])
HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/') { ex ->
  String path = ex.requestURI.path, method = ex.requestMethod
  requests << [method, path, ex.requestHeaders.getFirst('Authorization')]
  ex.requestBody.bytes
  def reply = { int status, String body ->
    byte[] b = body.getBytes('UTF-8')
    ex.responseHeaders.set('Content-Type', 'application/vnd.schemaregistry.v1+json')
    ex.sendResponseHeaders(status, b.length)
    ex.responseBody.withStream { it.write(b) }
  }
  def m
  if (method == 'GET' && path == '/subjects') {
    reply(200, '[' + registered.keySet().collect { '"' + it + '"' }.join(',') + ']')
  } else if ((m = path =~ '^/subjects/([^/]+)/versions$') && method == 'GET') {
    registered.containsKey(m[0][1]) ? reply(200, '[1]') : reply(404, '{"error_code":40401,"message":"Subject not found"}')
  } else if ((m = path =~ '^/subjects/([^/]+)/versions$') && method == 'POST') {
    registered[m[0][1]] = true
    reply(200, '{"id":' + registered.size() + '}')
  } else if ((m = path =~ '^/config/([^/]+)$') && method == 'PUT') {
    reply(200, '{"compatibility":"FULL"}')
  } else if (path.startsWith('/config/')) {
    reply(404, '{"error_code":40408,"message":"Subject does not have subject-level compatibility configured"}')
  } else {
    reply(404, '{"error_code":404,"message":"not in the stub"}')
  }
}
server.start()
System.properties['it.registry.server'] = server
System.properties['it.registry.requests'] = requests
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dcontracts.registry=http://127.0.0.1:${server.address.port}\n"
true
