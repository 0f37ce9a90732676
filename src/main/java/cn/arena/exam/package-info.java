/** Exams, sittings and attempts (答卷): saved answers, deadlines, submission. */
@NullMarked
package cn.arena.exam;

import org.jspecify.annotations.NullMarked;
