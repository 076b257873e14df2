package io.github.eventcontracts.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro binary encoding of the generated event classes (plain Avro binary, no registry framing). To read
 * data written with another version of a schema, pass that writer schema and Avro's schema resolution
 * turns it into the current class.
 *
 * <p>Reading is bounded: before anything is decoded, {@link AvroBounds} checks every declared length and
 * count against the bytes that remain, so hostile data is refused with an {@link IllegalArgumentException}
 * instead of making the reader allocate what it declares. Writers and readers are made once per class (and
 * writer schema) and shared; encoders, decoders and the output buffer are reused per thread. Thread-safe.
 */
public final class EventAvroCodec {
  private EventAvroCodec() {}

  /** Buffers bigger than this are not kept for the next call on the thread. */
  private static final int KEEP_BUFFER_BYTES = 1 << 20;
  /** Readers kept per class (one per writer schema met). */
  private static final int MAX_READERS_PER_CLASS = 1024;

  private static final ClassValue<SpecificDatumWriter<SpecificRecord>> WRITERS = new ClassValue<>() {
    @Override
    protected SpecificDatumWriter<SpecificRecord> computeValue(Class<?> type) {
      return new SpecificDatumWriter<>(SpecificData.get().getSchema(type));
    }
  };

  private static final ClassValue<Map<Schema, Reader<?>>> READERS = new ClassValue<>() {
    @Override
    protected Map<Schema, Reader<?>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  /** Per thread: the output buffer and the encoder over it, and a decoder to reinitialize. */
  private static final class ThreadState {
    Buffer out = new Buffer();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    BinaryDecoder decoder;
  }

  private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);

  /** An unsynchronized growable byte array (ByteArrayOutputStream synchronizes every write). */
  private static final class Buffer extends OutputStream {
    byte[] buf = new byte[512];
    int count;

    @Override
    public void write(int b) {
      if (count == buf.length) {
        grow(1);
      }
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len > buf.length - count) {
        grow(len);
      }
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    private void grow(int more) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
    }
  }

  public static byte[] encode(SpecificRecord event) {
    return encode(null, event);
  }

  /**
   * {@code prefix} (e.g. a registry's wire-format header; may be null) followed by the event's Avro binary
   * encoding, written into one buffer.
   */
  public static byte[] encode(byte[] prefix, SpecificRecord event) {
    ThreadState st = STATE.get();
    Buffer out = st.out;
    out.count = 0;
    if (prefix != null) {
      out.write(prefix, 0, prefix.length);
    }
    try {
      WRITERS.get(event.getClass()).write(event, st.encoder); // the direct encoder writes through, no flush needed
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (out.buf.length > KEEP_BUFFER_BYTES) {
        st.out = new Buffer();
        st.encoder = EncoderFactory.get().directBinaryEncoder(st.out, st.encoder);
      }
    }
    return Arrays.copyOf(out.buf, out.count);
  }

  /** Reads data written with the class's own schema. */
  public static <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) {
    Schema schema = SpecificData.get().getSchema(type);
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
    return reader(writerSchema, type).read(bytes, offset, length);
  }

  /** The reader of data written with {@code writerSchema} into {@code type}; made once, then shared. */
  @SuppressWarnings("unchecked")
  public static <T extends SpecificRecord> Reader<T> reader(Schema writerSchema, Class<T> type) {
    Map<Schema, Reader<?>> readers = READERS.get(type);
    Reader<?> r = readers.get(writerSchema);
    if (r == null) {
      if (readers.size() >= MAX_READERS_PER_CLASS) {
        readers.clear(); // many writer schemas for one class: keep memory bounded, rebuild on demand
      }
      r = readers.computeIfAbsent(writerSchema, w -> new Reader<>(w, type));
    }
    return (Reader<T>) r;
  }

  /**
   * Reads data of one writer schema into one generated class: a bounds check ({@link AvroBounds}), then
   * Avro's {@code SpecificDatumReader} with schema resolution. Thread-safe; keep one per writer schema.
   */
  public static final class Reader<T extends SpecificRecord> {
    private final Schema writerSchema;
    private final Class<T> type;
    private final AvroBounds bounds;
    private final SpecificDatumReader<T> reader;

    private Reader(Schema writerSchema, Class<T> type) {
      this.writerSchema = writerSchema;
      this.type = type;
      this.bounds = AvroBounds.of(writerSchema);
      this.reader = new SpecificDatumReader<>(writerSchema, SpecificData.get().getSchema(type));
    }

    /**
     * Reads the {@code length} bytes at {@code offset} into a {@code T}.
     *
     * @throws IllegalArgumentException when the data is not one such record: truncated, trailing bytes, a
     *     length or count larger than the bytes left, a value the class cannot hold
     */
    public T read(byte[] bytes, int offset, int length) {
      try {
        bounds.check(bytes, offset, length);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(notA() + e.getMessage(), e);
      }
      ThreadState st = STATE.get();
      BinaryDecoder dec = DecoderFactory.get().binaryDecoder(bytes, offset, length, st.decoder);
      st.decoder = dec;
      try {
        T value = reader.read(null, dec);
        if (!dec.isEnd()) {
          throw new IllegalArgumentException("trailing bytes after a " + type.getSimpleName() + " record: "
              + "the data was written with another schema than the one given");
        }
        return value;
      } catch (IOException | RuntimeException e) {
        if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("trailing")) {
          throw (IllegalArgumentException) e;
        }
        String why = e instanceof EOFException ? "the data ends early (truncated)"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw new IllegalArgumentException(notA() + why, e);
      }
    }

    private String notA() {
      return "not a " + type.getSimpleName() + " written with schema " + writerSchema.getFullName() + ": ";
    }
  }
}
