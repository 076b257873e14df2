evaluate(new File(itSources, 'schemas.groovy'))
copySchemas()
true
