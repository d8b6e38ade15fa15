/**
 * The case return flow (办件回流): case records that provincial vertical and self-built systems send back, mapped
 * to the standard case record ({@code record}), checked ({@code quality}), stored exactly once with every version
 * ({@code store}), forwarded to the provincial case centre through an outbox ({@code forward}) and reconciled
 * against what the sources declared ({@code completeness}). {@code source} describes the configured sources and
 * {@code intake} ties mapping, checks and storage together. A library without HTTP: hub-core wires the channels
 * (Kafka, HTTP, database poller, file drop), the API and the metrics.
 */
package org.exchangehub.returnflow;
