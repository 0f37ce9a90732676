package cn.arena.competition;

/** How a stage is decided: a written exam of the exam module, an interview, or a live on-site final. */
public enum StageKind { WRITTEN, INTERVIEW, LIVE_FINAL }
