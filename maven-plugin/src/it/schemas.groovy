// Shared by the sample projects' setup.groovy: copies the repository's schemas/ folder into the project (a
// service repository keeps such a copy) and edits it. Each project's setup says only what it changes.
copySchemas = {
  java.nio.file.Path from = java.nio.file.Path.of(schemasDir), to = new File(basedir, 'schemas').toPath()
  java.nio.file.Files.walk(from).withCloseable { paths ->
    paths.each { p ->
      java.nio.file.Path target = to.resolve(from.relativize(p).toString())
      if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(target)
      else java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
    }
  }
  null
}
edit = { String file, String from, String to ->
  File f = new File(basedir, 'schemas/' + file)
  String text = f.getText('UTF-8')
  assert text.contains(from): "${file} does not contain: ${from}"
  f.setText(text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)), 'UTF-8')
}
// asserts that the build log holds each text, printing the log when one is missing
expectLog = { String... texts ->
  String log = new File(basedir, 'build.log').getText('UTF-8')
  texts.each { t -> assert log.contains(t): "build.log lacks: ${t}\n${log}" }
  log
}
