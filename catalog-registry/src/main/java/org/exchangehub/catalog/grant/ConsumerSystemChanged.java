package org.exchangehub.catalog.grant;

/**
 * Published in-process inside the transaction that registered or changed a consuming system (its client id, its app
 * key): caches of consuming systems drop what they hold once it commits.
 */
public record ConsumerSystemChanged(String consumerSystemId) {
}
