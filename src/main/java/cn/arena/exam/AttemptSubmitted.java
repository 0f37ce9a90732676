package cn.arena.exam;

/** An attempt was submitted (by its candidate or by the server at the deadline); published once per attempt. */
public record AttemptSubmitted(long attemptId, long examId, long userId) {}
