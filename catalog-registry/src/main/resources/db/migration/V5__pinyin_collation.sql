-- Chinese names sort by pinyin (阿克塞 安徽 北京 敦煌 酒泉 …), as people expect them, not by code point. ICU ships
-- with PostgreSQL's builds for Debian and with the embedded binaries; a server without it fails here, at start-up,
-- rather than on the first sorted list. PostgreSQL-only, so jOOQ's code generator skips it.
/* [jooq ignore start] */
create collation if not exists pinyin (provider = icu, locale = 'zh-u-co-pinyin');
/* [jooq ignore stop] */
