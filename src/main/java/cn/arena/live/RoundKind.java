package cn.arena.live;

/** The five round kinds of seed 000's final: 速答题、抢答题、接力答题、进阶风险题、论述题. */
enum RoundKind { SPEED, BUZZER, RELAY, RISK, ESSAY }
