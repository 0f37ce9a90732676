package cn.arena.org;

/** A staff category (人员性质): a stable code used by rules and responses, and the name people write. */
public record StaffCategory(String code, String name) {}
