/** Year-round practice (日日学 · 周周练 · 月月比): daily study, weekly practice, monthly contest, titles, leaderboards, participation. */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"bank", "paper", "exam", "marking", "org", "account", "shared"})
package cn.arena.practice;

import org.jspecify.annotations.NullMarked;
