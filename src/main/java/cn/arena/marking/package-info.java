/** Marking (阅卷): automatic marking on submit, blind manual marking, release, ranking, results. */
@NullMarked
package cn.arena.marking;

import org.jspecify.annotations.NullMarked;
