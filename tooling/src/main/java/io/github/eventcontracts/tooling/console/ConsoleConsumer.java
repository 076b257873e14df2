package io.github.eventcontracts.tooling.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads records from topics and prints each as the JSON event it holds, one per line, whatever its wire
 * format ({@link RecordDecoder}). A record that cannot be decoded is one line on the error stream with its
 * topic, partition, offset and the reason, and reading goes on.
 *
 * <p>Without a group the consumer is assigned every partition of the topics and commits nothing; with one
 * it subscribes and commits the offsets of the records it has printed or reported. The brokers are asked for
 * the topics' partitions first, within the broker timeout, so an unreachable cluster is reported instead of
 * waited for forever. {@link #stop()} (e.g. from a shutdown hook on Ctrl-C) ends the run cleanly.
 */
public final class ConsoleConsumer {
  private final Map<String, Object> clientProperties;
  private final Duration brokerTimeout;
  private final RecordDecoder decoder;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean stopRequested;

  /**
   * What to read.
   *
   * @param topics        the topics to read
   * @param topicsGiven   the topics were named by the user (a missing one is then an error, not a warning)
   * @param fromBeginning start at the earliest offset (else at the end; with a group: where it left off)
   * @param group         the consumer group, or null to commit nothing
   * @param maxMessages   stop after this many records (decoded or not), or 0 for no limit
   * @param idleTimeout   stop after this long without a record, or null to wait for ever
   * @param printMetadata wrap each event with its topic, partition, offset, key and timestamp
   */
  public record Options(List<String> topics, boolean topicsGiven, boolean fromBeginning, String group,
      long maxMessages, Duration idleTimeout, boolean printMetadata) {}

  /**
   * What a run did.
   *
   * @param read        records read
   * @param undecodable records that could not be decoded (reported on the error stream)
   * @param failure     why the run could not start or had to end, or null
   * @param interrupted the run was ended by {@link #stop()}
   */
  public record Outcome(long read, long undecodable, String failure, boolean interrupted) {}

  public ConsoleConsumer(Map<String, Object> clientProperties, Duration brokerTimeout, RecordDecoder decoder) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.brokerTimeout = brokerTimeout;
    this.decoder = decoder;
  }

  /** Reads until the options say stop, or {@link #stop()} is called; events to {@code out}, problems to {@code err}. */
  public Outcome run(Options options, PrintWriter out, PrintWriter err) {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProperties(options), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer = c;
      if (stopRequested) {
        return new Outcome(0, 0, null, true);
      }
      return consume(c, options, out, err);
    } finally {
      finished.countDown();
    }
  }

  private Outcome consume(KafkaConsumer<byte[], byte[]> c, Options options, PrintWriter out, PrintWriter err) {
    List<TopicPartition> partitions = new ArrayList<>();
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    try {
      for (String topic : options.topics()) {
        List<PartitionInfo> infos = c.partitionsFor(topic, brokerTimeout);
        if (infos == null || infos.isEmpty()) {
          missing.add(topic);
        } else {
          present.add(topic);
          infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
      }
    } catch (TimeoutException e) {
      return new Outcome(0, 0, "the brokers at " + bootstrap() + " did not answer within " + brokerTimeout.toMillis()
          + " ms (--broker-timeout-ms): are they running and reachable, and is --command-config right?", false);
    } catch (WakeupException e) {
      return new Outcome(0, 0, null, true);
    } catch (KafkaException e) {
      return new Outcome(0, 0, "cannot read the topics' partitions from " + bootstrap() + ": " + Text.oneLine(e.getMessage()), false);
    }
    if (!missing.isEmpty()) {
      String which = "topic" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
          + (missing.size() == 1 ? " does" : " do") + " not exist at " + bootstrap();
      if (options.topicsGiven() || present.isEmpty()) {
        return new Outcome(0, 0, which + " (scripts/contracts topics creates the catalog's topics)", false);
      }
      err.println("contracts: " + which + "; reading the others");
    }
    if (options.group() != null) {
      c.subscribe(present);
    } else {
      c.assign(partitions);
      if (options.fromBeginning()) {
        c.seekToBeginning(partitions);
      } else {
        c.seekToEnd(partitions);
      }
    }
    return poll(c, options, out, err);
  }

  private Outcome poll(KafkaConsumer<byte[], byte[]> c, Options options, PrintWriter out, PrintWriter err) {
    long read = 0;
    long undecodable = 0;
    boolean interrupted = false;
    String failure = null;
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    long lastRecord = System.nanoTime();
    try {
      while (!stopRequested) {
        Duration wait = Duration.ofMillis(500);
        if (options.idleTimeout() != null) {
          long left = options.idleTimeout().toNanos() - (System.nanoTime() - lastRecord);
          if (left <= 0) {
            break;
          }
          wait = Duration.ofNanos(Math.min(left, wait.toNanos()));
        }
        ConsumerRecords<byte[], byte[]> records = c.poll(wait);
        if (records.isEmpty()) {
          continue;
        }
        lastRecord = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          String at = r.topic() + " partition " + r.partition() + " offset " + r.offset();
          try {
            SpecificRecord event = decoder.decode(r.topic(), r.value());
            out.println(options.printMetadata() ? decoder.printWithMetadata(r, event) : decoder.print(event));
          } catch (RecordDecoder.UndecodableRecord e) {
            undecodable++;
            err.println("undecodable record at " + at + ": " + e.getMessage());
          } catch (RecordDecoder.RegistryUnavailable e) {
            failure = "stopped at " + at + " (not read, nor anything after it): the schema registry could not be "
                + "used: " + e.getMessage();
            break;
          }
          read++;
          done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
          if (options.maxMessages() > 0 && read >= options.maxMessages()) {
            break;
          }
        }
        commit(c, options, done);
        if (out.checkError()) { // nobody reads any more (e.g. piped into head): end as if stopped
          interrupted = true;
          break;
        }
        if (failure != null || options.maxMessages() > 0 && read >= options.maxMessages()) {
          break;
        }
      }
    } catch (WakeupException e) {
      interrupted = true;
    } catch (KafkaException e) {
      failure = "reading stopped: " + Text.oneLine(e.getMessage());
    }
    out.flush();
    try {
      try {
        commit(c, options, done);
      } catch (WakeupException e) { // stop() came after the loop had ended: the wakeup is spent now
        commit(c, options, done);
      }
    } catch (KafkaException e) {
      failure = failure != null ? failure : "the offsets of group " + options.group() + " could not be committed: "
          + Text.oneLine(e.getMessage());
    }
    return new Outcome(read, undecodable, failure, interrupted || stopRequested);
  }

  private void commit(KafkaConsumer<byte[], byte[]> c, Options options, Map<TopicPartition, OffsetAndMetadata> done) {
    if (options.group() != null && !done.isEmpty()) {
      c.commitSync(done, brokerTimeout);
      done.clear();
    }
  }

  /**
   * Ends a running {@link #run} from another thread (a shutdown hook) and waits up to {@code wait} for it to
   * finish, so that its last lines are printed and, with a group, its offsets committed.
   */
  public void stop(Duration wait) {
    stopRequested = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, Object> consumerProperties(Options options) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    int timeout = (int) Math.min(Integer.MAX_VALUE, brokerTimeout.toMillis());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.fromBeginning() ? "earliest" : "latest");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "contracts-consume");
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeout));
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
    if (options.group() != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
    } else {
      props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }
    return props;
  }

  private String bootstrap() {
    return String.valueOf(clientProperties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
  }
}
