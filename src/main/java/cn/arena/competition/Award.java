package cn.arena.competition;

/** Award levels: 一等奖, 二等奖, 三等奖, 优秀奖. */
public enum Award { FIRST, SECOND, THIRD, EXCELLENCE }
