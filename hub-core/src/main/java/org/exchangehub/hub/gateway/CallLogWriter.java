package org.exchangehub.hub.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.exchangehub.catalog.calls.CallLog;
import org.exchangehub.catalog.calls.CallRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores the call log from Kafka in batches. All hub nodes share one consumer group, so each call is stored by one
 * node; offsets are committed after the batch is stored, and a redelivered call is skipped by its id.
 */
@Component
public class CallLogWriter {

    private static final Logger log = LoggerFactory.getLogger(CallLogWriter.class);

    private final CallLog callLog;
    private final ObjectMapper json;

    public CallLogWriter(CallLog callLog, ObjectMapper json) {
        this.callLog = callLog;
        this.json = json;
    }

    /**
     * The broker hands over at least 256 KiB of calls (about a thousand) or what came in 500 ms: every fetch is an
     * offset commit and an insert, and one per producer batch cost the broker as much as taking the batch in.
     */
    @KafkaListener(id = "call-log-writer", topics = "${hub.gateway.calls-topic:hub.calls}", groupId = "hub-call-log", batch = "true",
            properties = {"auto.offset.reset=earliest", "max.poll.records=2000", "fetch.min.bytes=262144", "fetch.max.wait.ms=500"})
    public void store(List<String> records) {
        List<CallRecord> calls = new ArrayList<>(records.size());
        for (String r : records) {
            try {
                calls.add(json.readValue(r, CallRecord.class));
            } catch (Exception e) {
                // one unreadable record must not stop the log; it is reported, not retried forever
                log.warn("Unreadable call log record skipped ({} characters): {}", r.length(), e.getClass().getSimpleName());
            }
        }
        try {
            callLog.storeAll(calls);
        } catch (org.springframework.dao.DataAccessException batchRefused) {
            // one bad record must not take the batch with it: store one by one, skip (and report) only the bad ones
            for (CallRecord call : calls) {
                try {
                    callLog.storeAll(List.of(call));
                } catch (org.springframework.dao.DataAccessException e) {
                    log.warn("Call {} not stored: {}", call.callId(), e.getMostSpecificCause().getClass().getSimpleName());
                }
            }
        }
    }
}
