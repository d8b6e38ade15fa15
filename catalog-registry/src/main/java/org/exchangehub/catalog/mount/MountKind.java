package org.exchangehub.catalog.mount;

/** What is mounted under an entry (挂接资源): an interface, a database table, or a set of files. */
public enum MountKind {
    API, TABLE, FILE;

    /** The operation consumers call to reach a TABLE mount (a key lookup). */
    public static final String TABLE_LOOKUP = "lookup";
}
