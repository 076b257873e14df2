package io.github.eventcontracts.tooling.gate;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SchemaSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The schemas folder bundled in an {@code event-contracts} jar (its resources under {@code event-contracts/},
 * as the contracts module packs them): a released version of the contracts, read without putting the jar
 * on any class path. The files are read once, when the jar is opened.
 */
public final class JarSchemas {
  /** Where the contracts jar keeps the schemas folder. */
  public static final String FOLDER = "event-contracts/";
  /** The largest file read from a jar: schemas and catalogs are small; anything larger is refused. */
  private static final long MAX_FILE = 4L << 20;

  private JarSchemas() {}

  /**
   * @param jar    the contracts jar
   * @param shown  how the jar is named in messages ({@code event-contracts-0.3.0.jar})
   * @throws BaselineException when the jar cannot be read or holds no {@code event-contracts/catalog.yaml}
   */
  public static SchemaSource open(Path jar, String shown) {
    Map<String, String> files = new HashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.isDirectory() || !e.getName().startsWith(FOLDER)) {
          continue;
        }
        if (e.getSize() > MAX_FILE) {
          throw new BaselineException(shown + "!/" + e.getName() + " is " + e.getSize() + " bytes; a schema or "
              + "catalog is never that large, so the jar is not a contracts jar");
        }
        try (InputStream in = zip.getInputStream(e)) {
          files.put(e.getName().substring(FOLDER.length()), new String(in.readNBytes((int) MAX_FILE), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new BaselineException("cannot read the contracts jar " + jar + ": " + e.getMessage(), e);
    }
    if (!files.containsKey(ContractModel.CATALOG_FILE)) {
      throw new BaselineException(shown + " holds no " + FOLDER + ContractModel.CATALOG_FILE + ": it is not an "
          + "event-contracts jar (the contracts module packs the schemas folder there)");
    }
    return new SchemaSource() {
      @Override
      public String read(String relativePath) {
        return files.get(Path.of(relativePath).normalize().toString().replace('\\', '/'));
      }

      @Override
      public String displayPath(String relativePath) {
        return shown + "!/" + FOLDER + relativePath;
      }

      @Override
      public String toString() {
        return shown;
      }
    };
  }
}
