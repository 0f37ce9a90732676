package cn.arena.org;

import java.util.Locale;
import java.util.Optional;

/** Kinds of org unit, as the seeds name them. */
public enum OrgUnitKind {
    PROVINCE("省"), CITY("设区市"), COUNTY("县（市、区）"), DEV_ZONE("开发区/高新区"), TOWN("镇（街道）为民服务中心"),
    COMMUNITY("村（社区）便民服务中心"), SUB_CENTRE("政务服务分中心"), DEPARTMENT("进驻部门（窗口）"), BUREAU("局/机关");

    private final String chineseName;

    OrgUnitKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** A kind as people write it: its code in any case, or its Chinese name (half- or full-width brackets). */
    public static Optional<OrgUnitKind> parse(String text) {
        String t = text.replaceAll("\\s+", "");
        String wide = t.replace('(', '（').replace(')', '）');
        for (OrgUnitKind kind : values()) {
            if (kind.name().equals(t.toUpperCase(Locale.ROOT)) || kind.chineseName.equals(wide)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
