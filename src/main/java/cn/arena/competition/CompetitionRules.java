package cn.arena.competition;

/**
 * The rules a competition runs by, as its template states them: who may form a team, how individuals and teams
 * rank, who advances, and who wins what. A competition keeps the rules it was created with.
 */
public record CompetitionRules(TeamCompositionRule team, IndividualRanking individualRanking, TeamScore teamScore,
        Advancement advancement, Awards awards) {

    /** Individual standing: by the members' scores in {@code stage}; equal scores share a rank. */
    public record IndividualRanking(String stage) {}

    /** Team score in a written stage: the aggregate of its members' scores; ties broken by {@code tieBreak}. */
    public record TeamScore(TeamAggregate aggregate, TeamTieBreak tieBreak) {}

    /** Teams of {@code from} advancing into {@code to} by {@code rule}, each sending {@code membersPerTeam}. */
    public record Advancement(String from, String to, AdvancementRule rule, int membersPerTeam) {}

    /** Awards given by rank in {@code stage}. */
    public record AwardRule(String stage, AwardTiers tiers) {}

    public record Awards(AwardRule individual, AwardRule team) {}
}
