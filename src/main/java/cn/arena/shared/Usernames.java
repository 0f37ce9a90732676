package cn.arena.shared;

import java.util.Arrays;
import java.util.List;

/** Usernames as people type or paste them into a box: one a line, or separated by spaces, commas or 、. */
public final class Usernames {

    private Usernames() {}

    public static List<String> typed(String text) {
        return Arrays.stream(text.split("[\\s,，、]+")).filter(n -> !n.isEmpty()).distinct().toList();
    }
}
