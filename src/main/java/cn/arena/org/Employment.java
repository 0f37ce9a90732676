package cn.arena.org;

import java.util.Locale;
import java.util.Optional;

/** Whether a person holds an established post (编制内) or not (编制外). Optional on a person. */
enum Employment {
    IN_ESTABLISHMENT("编制内"), OUT_OF_ESTABLISHMENT("编制外");

    private final String chineseName;

    Employment(String chineseName) {
        this.chineseName = chineseName;
    }

    String chineseName() {
        return chineseName;
    }

    /** Its code in any case or its Chinese name. */
    static Optional<Employment> parse(String text) {
        String t = text.strip();
        for (Employment e : values()) {
            if (e.name().equals(t.toUpperCase(Locale.ROOT)) || e.chineseName.equals(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
