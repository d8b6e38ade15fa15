package org.exchangehub.mapping;

import java.util.Locale;
import java.util.regex.Pattern;

/** A change to a text value before it is looked up or converted; built once by the compiler. */
sealed interface Transform {

    String apply(String text);

    record UpperCase() implements Transform {
        @Override
        public String apply(String text) {
            return text.toUpperCase(Locale.ROOT); // ROOT: a Turkish default locale would turn i into İ
        }
    }

    record LowerCase() implements Transform {
        @Override
        public String apply(String text) {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    /** Removes every space, tab and line break, the full-width space (U+3000) and no-break spaces included. */
    record StripSpaces() implements Transform {
        @Override
        public String apply(String text) {
            StringBuilder kept = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
                if (space && kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                } else if (!space && kept != null) {
                    kept.append(c);
                }
            }
            return kept == null ? text : kept.toString();
        }
    }

    /** Replaces every match of a pattern compiled once; {@code $1} in the replacement is the first group. */
    record Replace(Pattern pattern, String replacement) implements Transform {
        @Override
        public String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }
}
