package org.exchangehub.catalog.mount;

/** The last known health of a mounted resource, as reported by its connector's probe. */
public enum MountHealth { UNKNOWN, UP, DOWN }
