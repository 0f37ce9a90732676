package cn.arena.account;

import org.jspecify.annotations.Nullable;

/**
 * A client address as people read it in the audit log: IPv6 in its short form (RFC 5952: {@code ::1}, not
 * {@code 0:0:0:0:0:0:0:1}) and an IPv4 address carried in IPv6 ({@code ::ffff:10.0.0.8}) as plain IPv4.
 */
final class Address {

    private Address() {}

    static String readable(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String a = address.strip();
        if (!a.contains(":")) {
            return a;
        }
        String[] groups = a.split(":", -1);
        if (groups.length != 8 || a.contains("::")) {
            return a.toLowerCase();
        }
        if (groups[0].matches("0+") && groups[1].matches("0+") && groups[2].matches("0+") && groups[3].matches("0+")
                && groups[4].matches("0+") && groups[5].equalsIgnoreCase("ffff")) {
            int high = Integer.parseInt(groups[6], 16);
            int low = Integer.parseInt(groups[7], 16);
            return (high >> 8) + "." + (high & 0xff) + "." + (low >> 8) + "." + (low & 0xff);
        }
        String[] shortGroups = new String[8];
        for (int i = 0; i < 8; i++) {
            shortGroups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
        }
        // The longest run of two or more zero groups (the first, on a tie) becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && shortGroups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestStart < 0) {
            return String.join(":", shortGroups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(shortGroups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(shortGroups, bestStart + bestLength, 8));
        return head + "::" + tail;
    }
}
