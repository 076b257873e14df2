package io.github.eventcontracts.codec;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro binary encoding of the generated event classes (plain Avro binary, no registry framing). To read
 * data written with another version of a schema, pass that writer schema and Avro's schema resolution
 * turns it into the current class.
 */
public final class EventAvroCodec {
  private EventAvroCodec() {}

  public static byte[] encode(SpecificRecord event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, enc);
      enc.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Reads data written with the class's own schema. */
  public static <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) {
    Schema schema = org.apache.avro.specific.SpecificData.get().getSchema(type);
    return decode(bytes, schema, type);
  }

  /** Reads data written with {@code writerSchema} into the current class (Avro schema resolution). */
  public static <T extends SpecificRecord> T decode(byte[] bytes, Schema writerSchema, Class<T> type) {
    return decode(bytes, 0, bytes.length, writerSchema, type);
  }

  /**
   * Reads the {@code length} bytes at {@code offset} (written with {@code writerSchema}) into the current
   * class, e.g. the Avro data after a registry's wire-format header; all of them must belong to the record.
   */
  public static <T extends SpecificRecord> T decode(byte[] bytes, int offset, int length, Schema writerSchema,
      Class<T> type) {
    Schema readerSchema = org.apache.avro.specific.SpecificData.get().getSchema(type);
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema);
    BinaryDecoder dec = DecoderFactory.get().binaryDecoder(bytes, offset, length, null);
    try {
      T value = reader.read(null, dec);
      if (!dec.isEnd()) {
        throw new IllegalArgumentException("trailing bytes after a " + type.getSimpleName() + " record: "
            + "the data was written with another schema than the one given");
      }
      return value;
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      String why = e instanceof EOFException ? "the data ends early (truncated)"
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IllegalArgumentException("not a " + type.getSimpleName() + " written with schema "
          + writerSchema.getFullName() + ": " + why, e);
    }
  }
}
