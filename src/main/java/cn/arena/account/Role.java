package cn.arena.account;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a login may do. Codes are the contract's; the Chinese names are accepted wherever people type a role. */
public enum Role {
    ADMIN("管理员"), ORGANIZER("组织者"), GRADER("阅卷人"), CANDIDATE("考生"), UNIT_CONTACT("单位联系人"),
    HOST("主持人"), JUDGE("评委");

    private static final Map<String, Role> BY_CHINESE_NAME = Map.of(
            "管理员", ADMIN, "组织者", ORGANIZER, "阅卷人", GRADER, "考生", CANDIDATE, "单位联系人", UNIT_CONTACT,
            "主持人", HOST, "评委", JUDGE);

    private final String chineseName;

    Role(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** A role written by a person: its code in any case, or its Chinese name. */
    public static Optional<Role> parse(String text) {
        String t = text.strip();
        for (Role r : values()) {
            if (r.name().equals(t.toUpperCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.ofNullable(BY_CHINESE_NAME.get(t));
    }
}
