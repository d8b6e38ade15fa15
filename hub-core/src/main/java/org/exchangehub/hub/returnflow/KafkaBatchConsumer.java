package org.exchangehub.hub.returnflow;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka consumer on its own thread: poll a batch, hand it to the handler (which stores it in one database
 * transaction), and only then commit its offsets. A batch the handler could not store is read again from its first
 * offsets after a pause, so nothing is lost; a batch stored but not committed (a crash, {@link #stopHard()}) is
 * delivered again and the store recognises every record as a duplicate. Per-record faults are the handler's to
 * keep as failures: they never stop the partition.
 */
final class KafkaBatchConsumer {

    private static final Logger log = LoggerFactory.getLogger(KafkaBatchConsumer.class);

    @FunctionalInterface
    interface BatchHandler {
        void handle(List<ConsumerRecord<String, String>> batch) throws Exception;
    }

    private final String name;
    private final String topic;
    private final Properties config;
    private final BatchHandler handler;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean abandon;
    private volatile KafkaConsumer<String, String> consumer;
    private final Thread thread;

    KafkaBatchConsumer(String name, String topic, List<String> bootstrap, String groupId, int maxPollRecords, BatchHandler handler) {
        this.name = name;
        this.topic = topic;
        this.handler = handler;
        this.config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrap));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Kafka's config loading needs the application's class loader (not a common-pool thread's): see STACK-NOTES
        this.thread = new Thread(this::run, "return-flow-" + name);
        thread.setContextClassLoader(KafkaBatchConsumer.class.getClassLoader());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops after the batch in hand is stored and committed. */
    void stop() {
        running = false;
        await();
    }

    /**
     * Stops at once, like a crash: the batch in hand is not committed, whether or not it was stored, and the consumer
     * leaves without committing anything.
     */
    void stopHard() {
        abandon = true;
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        await();
    }

    boolean isRunning() {
        return thread.isAlive() && stopped.getCount() > 0;
    }

    private void await() {
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                log.warn("Kafka consumer {} did not stop within 30 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config)) {
            consumer = c;
            c.subscribe(List.of(topic));
            long pause = 500;
            while (running) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<ConsumerRecord<String, String>> batch = new java.util.ArrayList<>(records.count());
                records.forEach(batch::add);
                try {
                    handler.handle(batch);
                    pause = 500;
                } catch (Exception e) {
                    if (abandon) {
                        break;
                    }
                    log.warn("Return flow {}: a batch of {} records from {} was not stored ({}); reading it again in {} ms",
                            name, batch.size(), topic, e.toString(), pause);
                    rewind(c, records);
                    sleep(pause);
                    pause = Math.min(30_000, pause * 2);
                    continue;
                }
                if (abandon) {
                    break; // a hard stop: the stored batch stays uncommitted and comes again
                }
                c.commitSync(nextOffsets(records));
            }
        } catch (WakeupException e) {
            if (!abandon) {
                log.warn("Kafka consumer {} woken up unexpectedly", name);
            }
        } catch (Exception e) {
            log.error("Kafka consumer {} of topic {} stopped: {}", name, topic, e.toString(), e);
        } finally {
            consumer = null;
            stopped.countDown();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition p : records.partitions()) {
            List<ConsumerRecord<String, String>> list = records.records(p);
            offsets.put(p, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static void rewind(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
        for (TopicPartition p : records.partitions()) {
            c.seek(p, records.records(p).get(0).offset());
        }
    }

    private void sleep(long ms) {
        long until = System.currentTimeMillis() + ms;
        while (running && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(100, ms));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
