package cn.arena.bank;

/** A choice of a choice question: its key as stored ("A".."H") and its text. */
public record Option(String key, String text) {}
