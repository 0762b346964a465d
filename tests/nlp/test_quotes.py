"""Who said what: quote marks, cues, speakers and anonymous sources, on real text."""

from __future__ import annotations

import pytest

from storyline.nlp.quotemarks import find_quotes

ABC, CNN = "000_fc6d89dac03494ff", "002_cfade814ec095534"

# Every direct quote of the seeds, with the speaker a reader would name.
SEED_DIRECT = [
    (ABC, "immediate cease-fire", "Kamala Harris", False),
    (ABC, "immense scale of suffering", "Kamala Harris", False),
    (ABC, "must do more to significantly increase the flow of aid. No excuses.", "Kamala Harris", False),
    (ABC, "A member of the war Cabinet from Israel wants to come", "John Kirby", False),
    (ABC, "We're not going to turn away that sort of opportunity.", "John Kirby", False),
    (ABC, "No, no, no. Israel has a prime minister and everything is okay,", "Benny Gantz", False),
    (ABC, "two-entity solution", "Benny Gantz", False),
    (ABC, "deep concern", "Kamala Harris", False),
    (ABC, "She urged Israel to take additional measures", "a readout of their meeting", False),
    (ABC, "The president and I've been very clear", "Kamala Harris", False),
    (CNN, "unacceptable and unsustainable", "top Biden administration officials", True),
    (CNN, "no excuses", "Joe Biden", False),
    (CNN, "Help us help you,", "an Israeli official", True),
    (CNN, "We've raised these things before", "the administration official", True),
    (CNN, "We want to see another crossing open", "Matthew Miller", False),
    (CNN, "He was quite direct and quite frank", "Matthew Miller", False),
    (CNN, "does not represent", "An Israeli government official", True),
    (CNN, "one of three members of the war cabinet", "Matthew Miller", False),
    (CNN, "He has a critical voice in the delivery of humanitarian assistance", "Matthew Miller", False),
]

# Reported speech of the seeds: (source, content start, speaker, anonymous).
SEED_INDIRECT = [
    (ABC, "Gantz is also expected to speak with Secretary of State Antony Blinken", "Officials", True),
    (ABC, "they were planned at Gantz' request", "John Kirby", False),
    (ABC, "Harris expressed \"deep concern\"", "the vice president's office", False),
    (ABC, "his friendship with Netanyahu has endured", "Joe Biden", False),
    (CNN, "Gantz's decision to travel to Washington, DC, was not sanctioned", "an official familiar", True),
    (CNN, "it made sense to meet with Gantz", "US officials", True),
    (CNN, "there are \"no excuses\" for Israel", "Joe Biden", False),
    (CNN, "Gantz emerged from those meetings", "an Israeli official", True),
    (CNN, "Gantz was surprised by how critical the White House was", "an Israeli official", True),
    (CNN, "it was important to grant Gantz the meetings", "Biden administration officials", True),
]


def _find(report, source, start, kind):
    found = [q for q in report.quotes if q.source == source and q.kind == kind and q.text.startswith(start)]
    assert found, f"no {kind} quote starting {start!r} in {source}"
    return found[0]


@pytest.mark.parametrize("source, start, speaker, anonymous", SEED_DIRECT)
def test_every_seed_direct_quote_has_its_speaker(seed_report, source, start, speaker, anonymous):
    quote = _find(seed_report, source, start, "direct")
    assert (quote.speaker.name, quote.speaker.anonymous) == (speaker, anonymous)


def test_seed_direct_quote_count(seed_report):
    assert sum(q.kind == "direct" for q in seed_report.quotes) == len(SEED_DIRECT) == 19


@pytest.mark.parametrize("source, start, speaker, anonymous", SEED_INDIRECT)
def test_seed_reported_speech(seed_report, source, start, speaker, anonymous):
    quote = _find(seed_report, source, start, "indirect")
    assert (quote.speaker.name, quote.speaker.anonymous) == (speaker, anonymous)


def test_a_call_and_the_reason_given_with_it_are_two_reports(seed_report):
    # 'she called on Hamas to agree to an "immediate cease-fire" -- saying a deal is on the table --'
    called = _find(seed_report, ABC, 'Hamas to agree to an "immediate cease-fire"', "indirect")
    saying = _find(seed_report, ABC, "a deal is on the table", "indirect")
    assert called.text == 'Hamas to agree to an "immediate cease-fire"' and called.cue == "called"
    assert saying.text == "a deal is on the table" and saying.cue == "saying"
    assert called.speaker.name == saying.speaker.name == "Kamala Harris"


def test_named_speakers_link_to_the_cast(seed_report):
    ids = {e.id for e in seed_report.entities}
    miller = _find(seed_report, CNN, "We want to see another crossing open", "direct")
    assert miller.speaker.entity == "matthew-miller" and miller.speaker.entity in ids
    gantz = _find(seed_report, ABC, "No, no, no.", "direct")
    assert (gantz.speaker.text, gantz.speaker.entity) == ("he", "benny-gantz")


def test_same_words_given_to_different_speakers(seed_report):
    harris = _find(seed_report, ABC, "must do more to significantly increase", "direct")
    biden = _find(seed_report, CNN, "no excuses", "direct")
    assert [(e.quote, e.same_speaker) for e in harris.echoes] == [(biden.id, False)]
    assert [(e.quote, e.same_speaker) for e in biden.echoes] == [(harris.id, False)]


def test_quote_spans_point_into_the_text(seed_report):
    texts = {a.article.id: a.article.text for a in seed_report.analyses}
    for quote in seed_report.quotes:
        assert texts[quote.source][quote.start:quote.end] == quote.text
        if quote.speaker and quote.speaker.start is not None:
            assert texts[quote.source][quote.speaker.start:quote.speaker.end] == quote.speaker.text


@pytest.mark.parametrize("text, quotes", [
    # straight and curly marks
    ('"We will win," she said.', ["We will win,"]),
    ("“We’re not going to turn away that sort of opportunity,” Kirby said.",
     ["We’re not going to turn away that sort of opportunity,"]),
    # a quote split around its cue
    ('"A member of the war Cabinet wants to talk," Kirby said. "We\'re not going to turn it away."',
     ["A member of the war Cabinet wants to talk,", "We're not going to turn it away."]),
    # mismatched marks, as in the ABC seed
    ("citing what she called the 'immense scale of suffering\" -- that Israel \"must do more. No excuses.\"",
     ["immense scale of suffering", "must do more. No excuses."]),
    # NYT-style doubled apostrophes
    ("Mr. Obama said it would tell ''suffering and delight, one of fear.'' Then he left.",
     ["suffering and delight, one of fear."]),
    # a quote running into the next paragraph
    ('He said: "We will win.\n\n"And we will not stop," he added.', ["We will win.", "And we will not stop,"]),
    # a single quote nested at the edge of a doubled-apostrophe one
    ("''They say, 'Go back home,''' said Mr. Diaz. ''This is my country.''",
     ["They say, 'Go back home,'", "This is my country."]),
    # an opening mark typed where a closing one belongs (PolNeAR train, Politico)
    ("“It's unusual,“ said Larry Noble, an attorney with the Campaign Legal Center. “It's a hard thing to do.”",
     ["It's unusual,", "It's a hard thing to do."]),
    ("In June 2015, he infamously referred to Mexican immigrants as “criminals” and “rapists“ while calling to "
     "erect a border wall. A month later, he paid a visit to the border.", ["criminals", "rapists"]),
    # straight marks beside no-break spaces
    ('He said,\xa0"We will win."\xa0Then he left.', ["We will win."]),
    # apostrophes are not quote marks: these produce nothing
    ("The candidates' plans were discussed at Gantz' request, and Netanyahu's office didn't comment.", []),
    ("Nobody said anything at all.", []),
])
def test_quote_marks(text, quotes):
    assert [text[q.start:q.end] for q in find_quotes(text)] == quotes


def test_an_odd_mark_costs_at_most_its_own_quote():
    text = 'He said "this is unclosed. Then "this is fine," she said.'
    found = [text[q.start:q.end] for q in find_quotes(text)]
    assert found[-1] == "this is fine,"


@pytest.mark.parametrize("text, speaker, anonymous", [
    ('"We will keep pressing," a person familiar with the conversations said.',
     "a person familiar with the conversations", True),
    ("Sources said the talks had stalled.", "Sources", True),
    ('"It is a disgrace," said Senator Jane Roe.', "Jane Roe", False),
    ("The White House said the meeting was productive.", "White House", False),
    ('Benny Gantz met Kamala Harris on Monday. "We discussed the hostages," he said.', "Benny Gantz", False),
    ('Kamala Harris met Benny Gantz on Monday. "We discussed the hostages," she said.', "Kamala Harris", False),
    # a dateline the parser takes for the subject
    ("WASHINGTON -- President Barack Obama, opening the museum on Saturday, said it would tell "
     "''a story of suffering and of hope.''", "Barack Obama", False),
    # a time after the verb is no speaker; the name before it is
    ('"There is a severe disconnect between this White House and the military," Michael Flynn, a retired '
     'general, said Thursday morning on Fox News.', "Michael Flynn", False),
    # a quote announced by a colon
    ('Senator Bernie Sanders made the following comment: "Young people are sick and tired of this."',
     "Bernie Sanders", False),
    # a quote sentence that goes on from the person the sentence before is about
    ('His former business partner, Lawrence Cummings, called him a master at deals. '
     '"He showed again and again an ability to put together deals that other people could not."',
     "Lawrence Cummings", False),
    # a paragraph of quoted words goes on with whoever spoke last
    ('Then, in 2017, John Kerry said that 100,000 refugees would be accepted.\n\n'
     '"That adds up to 185,000 over two years, not the number from Syria."', "John Kerry", False),
    # a line signed at its end, with quote marks inside the quote
    ("“As a young woman, I’d rather live in what he calls “hell” than in a world where he is president.” "
     "― Adriana Rodarte", "Adriana Rodarte", False),
    # a participle shares its clause's subject, even when the parse hangs it from a quote
    ("Mr. John Smith hardly clarified the matter -- ''That makes me smart'' -- and, when questioned, "
     "asserting, ''Of course, I pay federal taxes.''", "John Smith", False),
    # a participle before a passive clause: the one whisked off said it
    ("Hillary Clinton had a blood clot in 1998.\n\nAfter saying her right foot was “so swollen I could barely "
     "get my shoe on,” she was taken to Bethesda Naval Hospital for tests.", "Hillary Clinton", False),
    # a headline led by the speaker's name and a colon, though spaCy tags no name there
    ("Sanders: Clinton needs to 'get away from all of this personality stuff' with Trump.\n\n"
     "Bernie Sanders offered some pointed advice to Hillary Clinton on Friday.", "Sanders", False),
    # a participle after a comma speaks for the main clause, not the relative clause before it
    ("Donald Trump was similarly defensive when forced to defend not paying an architect who said he was "
     "stiffed after he designed a clubhouse at one of Trump’s golf courses, saying, “Maybe he didn’t do a "
     "good job, and I wasn’t satisfied with his work.”", "Donald Trump", False),
    # a surname spaCy tags as no one this time still takes the pronoun ("Oz’s ... him ... he")
    ("Donald Trump went on the show of Dr. Mehmet Oz on Thursday. \"Oz has a huge bully pulpit,” said "
     "David Gorski, a professor of surgery.\n\nOz’s dubious medical advice earned him the attention of "
     "Congress, where he appeared at a 2014 Senate hearing for saying that green coffee extract was a “magic "
     "weight loss cure for every body type.”", "Mehmet Oz", False),
    # a surname the tagger takes for an adverb after an inverted "said"
    ("But Bill Skelly, a longtime RNC data operative, vouched for both Braynard and Chrabaszcz.\n\n“Having access "
     "to the RNC file and two people who understand it is valuable,” said Skelly, explaining he worked more closely "
     "with Chrabaszcz.", "Skelly", False),
    # a quote split around its cue keeps the cue's speaker, and "he" follows "he ... he" back to Kerry
    ("Secretary of State John Kerry defended the deal on Sunday. He denied that the exchange would encourage "
     "more Americans to be taken. But he acknowledged that there would probably be such situations again. "
     "''That, unfortunately,'' he said, ''is part of the reality of today's life on a global basis.''",
     "John Kerry", False),
    # a speech verb the list must hold
    ("The anchor was trying to ask a question about immigration when Donald Trump shot back that the journalist "
     "had not been called on.\n\n“Go back to Univision,” Trump barked and a security guard escorted Ramos out.",
     "Donald Trump", False),
    # a quote announced by a dash
    ("Donald Trump said he would bring back torture.\n\nTrump also embraced enhanced interrogation techniques "
     "-- \"I think waterboarding is peanuts compared to what they'd do to us.\"", "Trump", False),
    # "another" after an inverted cue is someone unnamed
    ("\"Better watch out for illegal conduct by Grimes since she said electing Clinton is more important than "
     "doing her job,\" tweeted another.", "another", True),
    # a quote paragraph announced by the line before it, or signed by the line after it (fact-checks)
    ("Stone was speaking in an interview on this reporter's talk radio program.\n\nStated Stone:\n\n“I think "
     "that the stakes are so high that they would do anything necessary to remain in power.”", "Stone", False),
    ("As is our practice, we do not award Pinocchios when we review assertions in debates.\n\n\"[Americans are] "
     "worried about the future of their kids.\"\n\n- Bernie Sanders.\n\nThe senator is relying on an outdated "
     "statistic.", "Bernie Sanders", False),
    # a document can speak; the relative clause that is the cue is not part of its name
    ('In selling the courses, Trump released a marketing video that said, "We are going to have professors and '
     'adjunct professors that are absolutely terrific."', "a marketing video", False),
    # the cue right after the quote speaks, not the verb the parse hung the quote from
    ("How far this thinking has spread outside the political and military elite is open to question. Polling "
     "shows that ''the general public is not very comfortable with the military dimension,'' said Sylke Tempel, "
     "the editor of International Policy.", "Sylke Tempel", False),
    # the parser leaves a cue without a subject: the noun phrase right before it speaks (an unnamed
    # one keeps its whole description)
    ("Although there is no such overlap with Sanders's team, a White House official who spoke anonymously to "
     "discuss internal strategy said Wednesday, \"Certainly there are discussions between the White House and "
     "the Sanders campaign.\"", "a White House official who spoke anonymously to discuss internal strategy", True),
    ("Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find suppliers, said Mr. Trump "
     "was a candidate very much in the spirit of Silicon Valley: ''He's a start-up kind of guy.''", "Slinker", False),
    # the name after "as" in 'As X put it', where the parser hangs it elsewhere
    ("The sitting justice who is least friendly to business is Sonia Sotomayor.\n\nAs Akhil Amar, professor "
     "of constitutional law at Yale and author of ''America's Unwritten Constitution,'' put it, ''Senate "
     "Republicans should remember that a compromise candidate today may be far better for them.''",
     "Akhil Amar", False),
    # "he's said" is "he has said", though the parser reads it as a passive
    ("Ever since Bernie Sanders announced his candidacy last year, he's said the same thing at every diner "
     "stop, every rally and every campaign event: \"It's not about me, it's about us.\" That's as true as ever.",
     "Bernie Sanders", False),
    # speech verbs the list must hold
    ("Donald Trump took the stage at the convention and boomed: “Let’s defeat her in November.”",
     "Donald Trump", False),
    ("Senator Ted Cruz groused, “This is not the party I joined.”", "Ted Cruz", False),
    # a time between the name and the verb is no speaker
    ("Much of Beck’s ire was also directed at Bannon, who Beck on Wednesday called “a horrible, despicable "
     "human being.”", "Beck", False),
    # the name that opens the sentence, across an apposition and a time
    ("Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called Donald J. Trump's remarks "
     "about a Latino judge ''racist,'' an extraordinary indictment.", "Paul D. Ryan", False),
    # "who" of a second relative clause stands for the one the first is about
    ("The senator was rallying for a 70-year-old academic named Eric Kingson, who is running for Congress and who "
     "worked the crowd, praising \"Bernie's genuineness and indisputable integrity\" as he promised to defend "
     "and expand Social Security.", "Eric Kingson", False),
    # of two subjects the parser gives a verb, the one beside it
    ("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”",
     "Trump", False),
    # "read" after a quote is past tense, though tagged as a base form; "one" is someone unnamed
    ("A handful of skywriters in Pasadena are not voting for Donald Trump.\n\n“America is great! Trump is "
     "disgusting,” read one.", "one", True),
    # the person a description names ("a worker named Antonio Arroyo") is who "he" is
    ("Outside Carrier's plant on Hermenegildo Galeana Street in the suburb of Santa Catarina, a worker named "
     "Antonio Arroyo has nothing but positive things to say about his job, much like his colleagues in "
     "Indianapolis until last month. ''The atmosphere is relaxed, a healthy environment,'' he said.",
     "Antonio Arroyo", False),
    # the parser gives a cue no subject: the name before it speaks, across phrases set off by commas
    ("In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “Hillary Clinton believes "
     "that transatlantic cooperation is essential.”", "Jake Sullivan", False),
    ("But in a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad, "
     "said, ''I mean, a raid is a combat operation.''", "Steven H. Warren", False),
    ("Clinton, exasperated, famously responded: \"What difference - at this point, what difference does it "
     "make?\"", "Clinton", False),
    ("So far, Sanders has shown little inclination to play a big role on that front. But Sen. Richard J. Durbin "
     "(D-Ill.), noting the size of Sanders's following, said, \"Let me tell you, he's got a heck of an email "
     "list.\"", "Richard J. Durbin", False),
    ("“We’ve had more successful conventions than this one,” Texas delegate Bill Eastland, wearing a cowboy hat "
     "and “Ted Cruz” campaign pins, said matter-of-factly.", "Bill Eastland", False),
    # a verb the parser hangs from another shares its subject ("then leaned in and boomed")
    ("Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”",
     "Trump", False),
    # a surname the tagger takes for a modal ("Will wrote"), and an inverted cue opening its line
    ("Conservative columnist George Will reignited his feud with Donald Trump this week.\n\n“This might, and "
     "should, hasten the eclipse of Carly Fiorina, Ben Carson and especially Donald Trump,” Will wrote.",
     "George Will", False),
    ("Roger Stone spoke to Breitbart News Daily.\n\nContinued Stone: “So I think it’s a very real problem.”",
     "Stone", False),
    # a digest's "HEADLINE - Author: “...”": the author, not the headline's subject
    ("IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “Although the polls "
     "failed to predict Ted Cruz’s Iowa win on Tuesday night, it isn’t because they were dead wrong.”",
     "Mark Blumenthal", False),
    ("Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: Keep on contacting voters as "
     "late as possible.”", "Carl Bialik", False),
    # a speech verb the tagger takes for a noun, after a short noun phrase that follows the quote
    ("The Cruz campaign sent a fundraising email Wednesday.\n\n\"Friend, let me be blunt. I can beat Hillary "
     "Clinton. Donald can't,\" the email read.", "the email", False),
    ("\"Today, the kingdom is one of the leading nations in combating terrorism and terror-financing,\" the "
     "Saudis state in the white paper.", "the Saudis", False),
    # a label with a party and state, glued to the quote; a line signed with a note after the name
    ("Clinton's claim is her camp's calculation.\n\nRep. Trey Gowdy (R-S.C.):\"I have not heard anyone other "
     "than you ever cite that figure.\"", "Trey Gowdy", False),
    ("Reid spoke to reporters.\n\n\"Great speech. She's tested. She's ready.\"\n\n-President Obama, tweeting "
     "after Clinton's speech.", "President Obama", False),
    # a line that announces the quote paragraph after it, name first; "had said" after a subordinator
    ("News came that the Department of Justice would sue North Carolina.\n\nDr. Kelli Ward stated:\n\n\"The U.S. "
     "Department of Justice isn't about Equal Justice Under Law anymore.\"", "Kelli Ward", False),
    ("The issue had come up Friday after Mr. Trump, asked about the deaths of journalists under Mr. Putin, had "
     "said, ''I think our country does plenty of killing also.''", "Trump", False),
    # a participle after a comma that the parser hung inside the reported clause speaks for the reporter
    ("To wit, Trump told Newsmax that Mitt Romney “had a crazy policy of self-deportation which was maniacal,” "
     "adding, “He lost all of the Latino vote.”", "Trump", False),
    ("Trump argued that a database would keep people from coming into the country illegally, saying it’s “all "
     "about management.”", "Trump", False),
    # (but not for the reporter of a clause that is itself a report)
    ("Comey cannot say that “from his perspective,” Lewandowski added, saying it should be “up to the prosecutor "
     "to move forward or not.”", "Lewandowski", False),
    # a second label on the line, after the first speaker's quote; the writer's "and I quote" is no cue
    ("Republicans and Hillary Clinton, among others, reject the term containment.\n\nClinton: \"Our goal is not "
     "to deter or contain ISIS, but to defeat and destroy ISIS.\" Bush: \"The mission is to destroy ISIS -- not to "
     "contain it.\"", "Bush", False),
    ("No wonder Trump said, and I quote, \"We love the poorly educated.\"", "Trump", False),
    # a noun of speech names its speaker as its owner, before the quote or after it
    ("Former US secretary of state Madeleine Albright, a Clinton supporter, fanned controversy earlier this year "
     "over her remark that “there’s a special place in hell for women who don’t help each other.”",
     "Madeleine Albright", False),
    ("John Bolton spoke on Monday.\n\n“This is not a circumstance where there’s one thing you can identify – it’s "
     "an across-the-board failure” from diplomacy to the defense budget, in Bolton’s view.", "Bolton", False),
    # (also when the paragraph before ends with someone else's quote, which it would otherwise go on from)
    ("John Bolton spoke on Monday.\n\nThe senator anticipated that one of the biggest challenges would be "
     "“dealing with the wide variety of problems that Obama’s going to leave.”\n\n“This is not a circumstance "
     "where there’s one thing you can identify – it’s an across-the-board failure” from diplomacy to the defense "
     "budget, in Bolton’s view.", "Bolton", False),
    # a light verb with a noun of speech ("issued a statement"), "pointed out", and "the editorial read"
    ("Immediately after the attacks, Trump issued a statement, “Last night, our nation was attacked by a radical "
     "Islamic terrorist.”", "Trump", False),
    ("But as The Hill pointed out, “Still, Trump has so far declined to release any tax returns.”", "Hill", False),
    ("The editors aimed their Friday editorial at Clinton.\n\n“If she wants to be the next president, Hillary "
     "Clinton should act like one, and come to Louisiana,” the editorial read.", "the editorial", False),
    # a label led by "From"; "remembered" only as an inverted cue; "anticipated" reports a view
    ("What the report does mean - Not all web panels are created equal. From the report: “In general, samples "
     "with more elaborate sampling produced more accurate results.”", "the report", False),
    ("\"An awful lot of analysts said, 'No, don't do this,' and she took it upon herself to prove them wrong,\" "
     "remembered Roy Verley, HP's former chief corporate spokesman.", "Roy Verley", False),
    ("Rubio pushed back on those claims Thursday, saying that the bill had the correct security components.",
     "Rubio", False),
    # a name and a speech verb right after the closing comma speak for the quote, whatever verb the
    # parse hung it from; but not for a quote that a speech verb right before it announces
    ("Her liberal friends have mocked Trump’s rhetoric-heavy campaign, calling Trump “an orange buffoon,” Susan "
     "said as she turned around and spread her cape.", "Susan", False),
    ("Glenn Beck spoke in Indiana.\n\nWhen someone in the audience shouted, “Cruz,” Beck joked, again using an "
     "exaggerated Southern accent.", "someone in the audience", True),
    # verbs that cue a quote only when they follow it ('"...," Hannity started', '"...?" a staffer wondered')
    ("Hannity spoke with Trump.\n\n“The New York Times is claiming today that they had an off-the-record "
     "conversation with you in January,” Hannity started.", "Hannity", False),
    ("Perez spoke on stage.\n\n\"Will he be the next attorney general?\" a Democratic staffer in the room wondered.",
     "a Democratic staffer in the room", True),
    # a finite verb the parser hung from the noun that opens the sentence; a verb tagged as a noun before a colon
    ("Two military analysts, Patrick Megahan and Chris Harman, found in 2014 that the Israeli Air Force is “the "
     "best in the world“ and Israeli ground forces are “the best in the Middle East.”", "Two military analysts", False),
    ("Article 33 affirms: “No Contracting State shall expel or return a refugee in any manner whatsoever.”",
     "Article 33", False),
    # a no-break space between the quote and an inverted cue (web pages)
    ("Chairman Trey Gowdy spoke.\n\n“If anyone wonders why the investigation is not yet complete, the "
     "problems identified in this report are Exhibit A,”\xa0added Gowdy.", "Gowdy", False),
    # the person seen in footage speaks, wherever the parser hung the participle
    ("The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”",
     "Hillary Clinton", False),
    # phrasal verbs of speech
    ("“Jeb wants to be a tough guy tonight,” Donald Trump shot back.", "Donald Trump", False),
    ("Bernie Sanders spoke in Iowa.\n\n“We are going to win,” he went on.", "Bernie Sanders", False),
    # a quote mark glued to the words around it ('paranoia,”Clinton said')
    ("“I think it’s been most surprising to me to see somebody really traffic in a lot of the prejudice and "
     "paranoia,”Clinton said.", "Clinton", False),
    # a subject the parser made of a preposition is none (PolNeAR train, Politico)
    ("Of Carson, Levine, who has given money to Marco Rubio, said, “He’s flat-out scary. I think he’s a "
     "wonderful man … But he’s totally vapid.”", "Levine", False),
    # of two subjects, not the one in a quoted title (PolNeAR train, Breitbart)
    ("Washington, star of television’s “Scandal,” thanked Obama for “taking these steps to make us ALL "
     "safer.”", "Washington", False),
    # a participle opening its sentence speaks for the subject of the sentence before (PolNeAR train)
    ("Later in the show, after the Sanders interview concluded, Maher stated of the email scandal that the "
     "State Department IG’s report “wasn’t good.” Adding, “Now, like with all Clinton scandals, what they "
     "actually do is never that bad. … It’s always how they handle it.”", "Maher", False),
    # an inverted cue set off by commas inside what it reports (PolNeAR train, NYT)
    ("Any ''cleareyed'' interpretation of Mr. Kerry's actions, said Michael Kofman, an expert on Russia at "
     "the Woodrow Wilson Center in Washington, would read this as a public admission that the United States "
     "is bowing out of continuing the proxy war against the Syrian Army, seeing a negotiated agreement as "
     "''the best means of saving what little is left of the moderate opposition.''", "Michael Kofman", False),
    # a relative clause of the sentence before is no cue for a quote that stands alone (PolNeAR train, NYT)
    ("''It's like a new plane,'' Mr. Trump said in a documentary that showed off some of the renovations. "
     "''The plane is very much an extension of the Trump brand.''", "Trump", False),
    # a verb after a subject set off by commas is no inverted cue (PolNeAR train, Washington Post)
    ('Former Pennsylvania governor Ed Rendell (D), a Clinton supporter, praised Sanders for what he has '
     'accomplished, calling it "an incredible feat"', "Ed Rendell", False),
    # ... nor for one that goes on with the speaker of the sentence before (PolNeAR train, Politico)
    ("“Who is the real con man here?” said Murphy, using a term Rubio has used to describe Donald Trump, on a "
     "conference call with reporters. “Senator Rubio and the Republican Congress produced partisan bills that "
     "shortchanged the crisis and played politics with women’s health and contraceptive funding.”", "Murphy", False),
    # a relative clause that ends at the colon is not the one announcing the quote (PolNeAR train, Washington Post)
    ('Clinton has since apologized for what happened: "Yes, I should have used two email addresses, one for '
     'personal matters and one for my work at the State Department. Not doing so was a mistake."', "Clinton", False),
    # a verb joined to one of another form inside a reported clause is joined to the reporting verb
    # (PolNeAR train, Washington Post)
    ("Sen. Rand Paul (R-Ky.) said Rubio's tax plan would give money to undocumented immigrants, and called him "
     "\"the leading proponent for allowing people in the country illegally to be citizens.\"", "Rand Paul", False),
    ("Rubio pushed back on those claims Thursday, saying that the bill had the correct security components but "
     "was waylaid by voter mistrust - and arguing that he and Cruz shared \"almost all the same views on "
     "immigration.\"", "Rubio", False),
    # an active verb joined to a passive one shares its subject, not its agent (PolNeAR train, Politico)
    ("As the crowd began to chant, Silverman was joined on stage again by Minnesota Sen. Al Franken and joked, "
     "“Bernie or Bust people, you’re being ridiculous,” drawing loud jeers.", "Silverman", False),
    # a verb the quoted words run on from announces nothing; the cue after them does (PolNeAR train, USA Today)
    ("Sen. Marco Rubio, R-Fla., appearing on Fox News right after the speech, said Obama failed to address "
     "public concerns. Nothing the president said \"will assuage people's fears,\" the Florida senator said.",
     "the Florida senator", False),
    # a participle after a comma speaks for the person of the clause just before, not for "it" (PolNeAR
    # train, NYT), and for the verb a clause of time modifies (PolNeAR train, Politico)
    ("It was a potent one-two punch by the two most prominent women in the Democratic Party, as Mrs. Clinton "
     "echoed the criticism, saying Mr. Trump ''reminds us every day that he's not in it for the American "
     "people.''", "Clinton", False),
    ("\"Marco Rubio won tonight and I was very glad to see that. I think we need him back in the Senate,\" "
     "Hannity said during a panel on his show after the first-term senator easily won his Senate primary, "
     "remarking that while there are \"still some conservatives angry over comprehensive immigration reform,\" "
     "Rubio already \"paid a very heavy political price.\"", "Hannity", False),
    # a participle after a comma hung deep inside the reported clause speaks for its reporter (PolNeAR train)
    ("Alongside BLM calls for action, even a top GOP strategist said Clinton will have to choose whose side she’s on, "
     "saying, “At some point, she’s going to have to come out — I think the pressure’s going to build on her.”",
     "a top GOP strategist", True),
    # a surname of the article that the tagger took for an adverb (PolNeAR train, Politico)
    ("Trump’s Indiana chairman, Rex Early, a former state party chairman who just signed on to Trump’s team "
     "last weekend, said he hasn’t explored the delegate process enough to see how it will unfold.\n\n"
     "Informed of the local district’s anti-Trump lean, Early described it as “news to me.”", "Rex Early", False),
    # the person named in apposition to a description is the speaker (PolNeAR train, Politico)
    ("Trump’s Indiana chairman, Rex Early, a former state party chairman who just signed on to Trump’s team "
     "last weekend, said he hasn’t explored the delegate process enough to see how it will unfold.",
     "Rex Early", False),
    # "From Bush's Facebook post:" names whose words follow (PolNeAR train, Washington Post)
    ("Jeb Bush endorsed Ted Cruz on Wednesday. Aides say the former Florida governor plans to \"actively "
     "support\" Cruz. From Bush's Facebook post: \"For the sake of our party and country, we must move to "
     "overcome the divisiveness and vulgarity Donald Trump has brought into the political arena.\"",
     "Bush", False),
    # a named paper or body is no anonymous source, whatever its last word (PolNeAR train, NYT)
    ("Yet news coverage was merciless: The New Hampshire Union Leader said Mr. Rubio had been ''rocked'' by "
     "Mr. Christie.", "The New Hampshire Union Leader", False),
    # a verb the parser joined to an adjective shares the subject of the verb above it (PolNeAR train,
    # Washington Post)
    ("Obama, in need of a change of subject, brought it up himself. He called it \"shameful\" and called on "
     "leaders \"not to feed that dark impulse inside of us.\"", "Obama", False),
    # (ECB+: the parser ends a sentence at an abbreviated title's full stop)
    ("Vancouver Police spokesman Constable Tim Fanning said the suspect had been let go on Thursday .\n"
     "`` It 's something no business can prepare for , '' Const. Fanning said .", "Constable Tim Fanning", False),
    ("The suspect , 38 - year - old Anthony LaCalamita , was \"deliberately seeking out these individuals , \" "
     "according to Troy police Lt . Gerry Scherlinck .", "Gerry Scherlinck", False),
    # (ECB+ dev) an opening mark typed as the closer; a television caption's "Name/Title :"; a pronoun after a
    # name with its title in apposition is the named person; one after "X ' best friend" is the friend
    ("In January , an anchor severed the cables .\n`` The information we have is a bit sketchy , but chances are "
     "that it will have been an anchor again , `` Jonathan Wright , Interoute 's director of wholesale products , "
     "said in a telephone interview .", "Jonathan Wright", False),
    ("The district attorney says this does not hurt their case .\nDavid Soares/Albany County District Attorney : "
     "`` The issues that are in play in the courtroom right now will bear themselves out . ''", "David Soares", False),
    ("Internet traffic also has been hit , according to Danny McPherson , chief security officer with Arbor "
     "Networks .\n`` It 's significant that it was lost , '' he said", "Danny McPherson", False),
    ("Once the trial resumed , Timmons ' 16 year-old best friend took the stand .\nHe said the .32-caliber gun was "
     "nicknamed `` Shaq '' by the group .", "Timmons ' 16 year-old best friend", True),
    # a name given an age is a person, though the recogniser takes it for an organisation (11_2ecb)
    ("An official , Valentina Redzhepova , said turnout was high .\nIn Gyami , a village outside the Turkmen capital "
     ", 25-year-old Guzel said she had come to the local polling station to vote .\n`` I voted for our fellow village "
     "resident .\nHe is an experienced person and knows village life well , '' she said .", "Guzel", False),
    # the parser leaves "told" without a subject; the name before it has parts joined by a hyphen (20_4ecb)
    ("Several residential units in the villages Kavouhi and Zinabieh in the Dargehan area were damaged and two "
     "villagers slightly injured , the governor of Qeshm , Mehdi iran-Nejad , told ISNA .", "Mehdi iran-Nejad", False),
])
def test_speakers_on_single_sentences(analyse_text, text, speaker, anonymous):
    quotes = analyse_text(text).quotes
    assert quotes, text
    last = max(quotes, key=lambda q: q.start)  # the quote the case is about comes last
    assert last.speaker is not None, text
    assert (last.speaker.name, last.speaker.anonymous) == (speaker, anonymous)


def test_a_show_named_after_an_inverted_cue_is_no_ones_quote(analyse_text):
    # PolNeAR dev (Politico): "Fox and Friends" is a show, and Flynn, not "a top Trump surrogate", speaks
    text = ("“He's absolutely right. There's a severe disconnect between this White House and frankly the "
            "president and our military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s "
            "“Fox and Friends.” “I mean, there's a lot of frustration within the military.”")
    quotes = analyse_text(text).quotes
    assert not [q for q in quotes if q.text.startswith("Fox and Friends")]
    assert {q.speaker.name for q in quotes} == {"Flynn"}


def test_pronoun_gender_is_not_read_from_someone_else_in_the_sentence(analyse_text):
    # "his" and "he" here are Stumpf's, not Warren's: she must stay a candidate for "she".
    text = ("Senator Elizabeth Warren grilled bank chief John Stumpf on Tuesday for his role in the scheme.\n\n"
            "“You should be investigated,” Warren told Stumpf, after he admitted he had not been held accountable.\n\n"
            "“This just isn’t right,” Warren said. “You squeezed employees to the breaking point,” she said.")
    quotes = [q for q in analyse_text(text).quotes if q.kind == "direct"]
    assert quotes[-1].text.startswith("You squeezed")
    assert quotes[-1].speaker.name == "Warren"


@pytest.mark.parametrize("text", [
    "Both meetings were closed to members of the press. President Joe Biden was at Camp David preparing for his "
    "State of the Union address on Thursday.",
    # "remember" is memory, not speech, unless it is an inverted cue right after a quote (PolNeAR train)
    "It's important to remember, though, that independents can vote in New Hampshire's primaries, and their "
    "choices could shift the vote tallies considerably.",
])
def test_text_without_speech_yields_nothing(analyse_text, text):
    assert analyse_text(text).quotes == ()


def test_a_title_named_as_one_is_no_quote_even_with_a_speaker_nearby(analyse_text):
    text = ('In an interview on CBS\'s "Face the Nation," House Speaker Paul Ryan said the recent shootings '
            'demand a national conversation.')
    quotes = analyse_text(text).quotes
    assert not [q for q in quotes if q.kind == "direct"]
    assert "Paul Ryan" in [q.speaker.name for q in quotes if q.kind == "indirect"]  # the reported speech stays


def test_a_relative_pronoun_speaks_for_its_antecedent(analyse_text):
    text = 'The crowd cheered Senator Mike Lee, who declared, "We will win this fight for the people."'
    quote = [q for q in analyse_text(text).quotes if q.kind == "direct"][0]
    assert (quote.speaker.name, quote.speaker.text) == ("Mike Lee", "who")
    assert text[quote.speaker.start:quote.speaker.end] == "who"


def test_reported_speech_stops_where_someone_else_starts_speaking(analyse_text):
    text = ("Ivanka Trump noted the rule in the interview last week. She said fathers and parents who adopt would "
            "not be eligible for the six weeks of paid leave, and when pressed on why the plan leaves out dads, "
            "the 34-year-old mother of three replied, \"It's meant to benefit the mother who has given birth.\"")
    quotes = analyse_text(text).quotes
    said = [q for q in quotes if q.cue == "said"]
    assert [q.text for q in said] == ["fathers and parents who adopt would not be eligible for the six weeks of paid leave"]
    reply = [q for q in quotes if q.kind == "direct"]
    assert [q.speaker.name for q in reply] == ["the 34-year-old mother of three"]


@pytest.mark.parametrize("text, direct", [
    ("Jeh Johnson tells MSNBC’s “Morning Joe” on Friday that “exactly who did it” remains under investigation.",
     ["exactly who did it"]),
    ('Hillary Clinton stressed her support of the 2011 raid during a "Commander-in-Chief Forum" sponsored by NBC '
     'News and said she has what the job takes: "Steadiness, and an absolute commitment to the mission."',
     ["Steadiness, and an absolute commitment to the mission."]),
    ("By 9 a.m. Sunday, the Rev. Al Sharpton began taking calls from listeners to his \"Keepin' It Real\" radio "
     "program who said they had misgivings.", []),
    # (a light verb whose object holds the quote is no cue: PolNeAR train, Breitbart)
    ("It’s been a difficult past week for Beck, following news of another round of mass layoffs at his troubled "
     "media empire. On Friday, after giving\xa0an impassioned “farewell address”\xa0of sorts to his 40 laid-off "
     "employees from his replica Oval Office, the former radio shock jock joined his co-hosts in donning swim "
     "goggles.", []),
    ("Wearing a cowboy hat and “Ted Cruz” campaign pins, the delegate left the floor.", []),
])
def test_a_short_name_in_quote_marks_is_no_quote(analyse_text, text, direct):
    assert [q.text for q in analyse_text(text).quotes if q.kind == "direct"] == direct


def test_a_quote_split_around_an_inverted_cue_is_no_reported_speech(analyse_text):
    # '"The risk," said Edward Leamer, an economist ..., "is that ..."': both halves are Leamer's
    # direct quote; the words after "said" are its speaker, not what he said
    text = ('"The risk," said Edward Leamer, an economist who is the director of the UCLA Anderson Forecast, '
            '"is that we\'re going to be attracting workers and repelling jobs."')
    quotes = analyse_text(text).quotes
    assert [(q.kind, q.speaker.name) for q in quotes] == [("direct", "Edward Leamer"), ("direct", "Edward Leamer")]
    assert quotes[1].text.startswith("is that")



def test_stage_directions_and_sign_offs_in_a_quoted_transcript_are_no_ones_words(analyse_text):
    # the end of a Breitbart transcript (PolNeAR dev): every paragraph opens with a quote mark
    text = ('"PENCE: I was in North Carolina earlier this week, in Williamsburg, Virginia, in the pouring rain '
            'with 650 —.\n\n"(CROSSTALK.)\n\n"WALLACE: Governor, I don’t want to interrupt, but I want to try to '
            'get —.\n\n"PENCE: And that’s why Donald Trump is on his way to the White House.\n\n'
            '"Follow Pam Key on Twitter @pamkeyNEN."')
    quotes = [q for q in analyse_text(text).quotes if q.kind == "direct"]
    assert [(q.speaker.name if q.speaker else None, q.text.split()[0]) for q in quotes] == [
        ("PENCE", "I"), ("WALLACE", "Governor,"), ("PENCE", "And")]


# Headlines of PolNeAR articles (the title line the text opens with), and what a reader takes from them.
@pytest.mark.parametrize("title, kind, words, speaker", [
    # "Speaker: what they said", partly in their words: the whole rest is theirs
    ("Trump: Cruz Has ‘To Come a Long Way’ On Ethanol, He’s For Oil Because ‘Oil Pays Him a Lot of Money.’",
     "direct", "Cruz Has ‘To Come a Long Way’ On Ethanol, He’s For Oil Because ‘Oil Pays Him a Lot of Money.’",
     "Trump"),
    ("Issa: Hillary Clinton’s ‘Honesty Is In Question.’", "direct", "Hillary Clinton’s ‘Honesty Is In Question.’",
     "Issa"),
    ("Milbank: Republicans ‘Waving The Flag Of Surrender’ To Trump.", "direct",  # 5 of its 8 words quoted
     "Republicans ‘Waving The Flag Of Surrender’ To Trump", "Milbank"),
    ("Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’", "direct",
     "‘I’m the Worst Thing That Ever Happened to the Establishment.’", "Trump"),
    # a quote in a headline with its cue
    ("Francois Hollande Says Donald Trump ‘Makes You Want To Retch.’", "direct", "Makes You Want To Retch.",
     "Francois Hollande"),
])
def test_a_headline_quote_is_the_outlets_attribution(analyse_text, title, kind, words, speaker):
    analysis = analyse_text(title + "\n\nThe candidates met voters in Iowa on Monday.")
    assert analysis.article.title == title.rstrip(".") or analysis.article.title == title
    got = [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in analysis.quotes]
    assert got == [(kind, words, speaker)]
    assert [q.id for q in analysis.quotes] == ["t:q1"]


@pytest.mark.parametrize("title", [
    "Exclusive: Trump ‘Will Not Back Down’ On Trade",  # a label heads the headline, no one speaks
    "Pat Caddell: Democrat Voters Worried About Hillary Clinton’s Health Issues",  # no quotation
    "The candidates’ plans for Iowa",  # an apostrophe is no quote mark
    # a headline quote no one in the headline says (an ECB+ title): left out
    "'It sounds like a war zone': Chaos in Brooklyn as 100 teenagers 'riot' on the streets following vigil",
])
def test_headlines_that_quote_no_one(analyse_text, title):
    analysis = analyse_text(title + "\n\nThe candidates met voters in Iowa on Monday.")
    assert analysis.quotes == ()


def test_headline_and_body_quotes_are_numbered_in_text_order(analyse_text):
    analysis = analyse_text("Issa: Hillary Clinton’s ‘Honesty Is In Question.’\n\n"
                            "“Her honesty is in question,” Rep. Darrell Issa said on Monday.")
    assert [(q.id, q.speaker.name) for q in analysis.quotes] == [("t:q1", "Issa"), ("t:q2", "Darrell Issa")]


# ECB+ texts are rebuilt from tokens, one sentence a line: a closing mark stands between spaces.
RUN_ON = ("An armed Chetak helicopter was immediately `` launched '' from INS Mysore towards Gibe .\n"
          "`` The sailors on Gibe were exchanging small arms fire with the pirates .\n"
          "On spotting the armed Chetak hovering overhead , the pirate boats broke off their attack , '' said an officer .\n"
          "Soon after , steaming at full speed , the deadly INS Mysore also reached the spot .")


def test_a_quote_running_over_lines_takes_the_cue_that_closes_it(analyse_text):
    quotes = [q for q in analyse_text(RUN_ON).quotes if q.kind == "direct"]
    said = [(q.text.split()[0], q.speaker.name if q.speaker else None, q.speaker and q.speaker.anonymous)
            for q in quotes]
    assert said == [("The", "an officer", True), ("On", "an officer", True)]  # ("launched" is a scare quote)


def test_a_quote_left_open_with_no_mark_after_it_stays_as_it_was():
    from storyline.nlp.quotes.runon import join_run_ons

    text = ("`` The sailors on Gibe were exchanging small arms fire with the pirates .\n"
            "Soon after , steaming at full speed , the deadly INS Mysore also reached the spot .\n")
    spans = find_quotes(text)
    assert join_run_ons(text, spans) == spans  # nothing closes it: the next line is no quote
    # ... nor when the next mark opens a quote of its own
    text2 = text + "`` We acted in self-defence , '' said the Navy chief .\n"
    assert join_run_ons(text2, find_quotes(text2)) == find_quotes(text2)


def test_a_quote_paragraph_goes_on_with_the_cue_that_speaks_last_before_it(analyse_text):
    # ECB+ 18_9ecb: "told by police" and "she said" report the same words; she speaks, and goes on speaking
    quotes = analyse_text(
        "Lorin Pearce , an executive assistant at Focus Audio Visual Services , said she saw what appeared to be "
        "a police officer with a gun .\n"
        "When some employees tried to leave , they were told by police to stay inside the office until further "
        "notice , she said around 5 : 30 p.m .\n"
        "`` A couple of us tried to exit and they said , 'Please go back inside , ' ''").quotes
    quote = next(q for q in quotes if q.text.strip().startswith("A couple"))
    assert (quote.rule, quote.speaker.name) == ("previous_paragraph", "Lorin Pearce")


def test_one_quoted_as_saying_is_the_speaker_not_who_quotes_them(analyse_text):
    """ECB+ 20_1ecb: the governor says it; the news agency only reports him."""
    analysis = analyse_text(
        "`` So far only the collapse of walls of houses in the villages of Zainabieh and Koohi has been reported , '' "
        "Qeshm Governor Mehdi Irannejad told ISNA news agency .\n"
        "Another news agency quoted the governor as saying five people had received treatment after being injured "
        "by the quake , which struck seven km ( 4 miles ) east of Dargahan .")
    [said] = [q for q in analysis.quotes if q.text.startswith("five people")]
    assert said.speaker.text == "the governor"


def test_one_of_those_just_named_who_speaks_is_anonymous(analyse_text):
    """ECB+ 32_1ecbplus: "One said :" after the neighbours who called police: someone unnamed."""
    analysis = analyse_text(
        "Police were called by neighbours at breakfast time on Saturday after they heard piercing screams coming "
        "from the house .\nOne said : \"I heard screaming , really high - pitched screams in the early hours .\n"
        "Then later I heard more screaming . \"")
    said = [q for q in analysis.quotes if q.text.startswith("I heard screaming")]
    assert said and said[0].speaker.text == "One" and said[0].speaker.anonymous


# ECB+ 32_1ecbplus: one sentence a line cuts the paragraphs a quote runs over; each paragraph the newspaper
# convention reopens with a mark, and no mark closes the one before.
REOPENED = ('A close friend of the dead mum said : "I can\'t believe it .\n'
            "They all looked after each other after Alice separated from her husband in the 1990s .\n"
            '"John was a good kid , never one of those to get into trouble .\n'
            "He idolised his mum and his sister .\n"
            'His little sister was his world , and his mum was too . "\n'
            "Alice was brought up in Millom , where her father ran a greengrocer's and a fish shop .")


def test_a_quote_reopened_after_lines_with_no_mark_goes_on_with_its_speaker(analyse_text):
    quotes = [q for q in analyse_text(REOPENED).quotes if q.kind == "direct"]
    said = {q.text.split()[0]: q.speaker.name if q.speaker else None for q in quotes}
    assert said == {"I": "A close friend of the dead mum", "They": "A close friend of the dead mum",
                    "John": "A close friend of the dead mum", "He": "A close friend of the dead mum",
                    "His": "A close friend of the dead mum"}


# ECB+ 32_2ecbplus and 33_3ecbplus: British single marks in text rebuilt from tokens, where a closing mark stands
# between spaces and clitics ("Felt 's", "do n't") are tokens of their own.
def test_a_single_closing_mark_between_spaces_after_a_comma_closes_a_quote():
    text = ("'He's had a very dark past , but I don't want people to think he is some kind of monster , I just "
            "feel sorry for him , ' she said .")
    assert [text[q.start:q.end] for q in find_quotes(text)] == [text[1:text.index("' she")]]


def test_a_clitic_split_off_as_a_token_is_no_quote_mark():
    text = "Felt 's lawyer said : 'It is over , ' he said ."
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["It is over , "]
    # ... nor a plural's possessive between spaces
    assert find_quotes("Thomas missed 10 of the Saints ' 16 games and the players ' union said nothing .") == []


def test_a_quote_in_single_marks_between_spaces_has_its_speaker(analyse_text):
    quotes = analyse_text("'At the time , I thought it was a brick , but it was a bullet , ' Mrs Armstead said of "
                          "her injury .").quotes
    assert [(q.kind, q.speaker.name) for q in quotes] == [("direct", "Armstead")]


def test_she_after_an_unnamed_relative_is_the_relative_not_the_man_named_before(analyse_text):
    """ECB+ 32_2ecbplus: "a relative" is someone a pronoun may stand for, as "an official" is; the "she" who
    speaks is that relative, not John Jenkin, of whom the article speaks as "he"."""
    analysis = analyse_text(
        "Jenkin , who is unemployed , spent much of his time on his computer and listening to music .\n"
        "According to a relative , he had suffered mental health problems for some time .\n"
        "'He's had a very dark past , but I don't want people to think he is some kind of monster , I just feel "
        "sorry for him , ' she said .")
    [quote] = [q for q in analysis.quotes if q.kind == "direct"]
    assert quote.speaker.text == "she" and quote.speaker.anonymous


def test_a_pronoun_speaker_is_never_someone_named_in_the_words_it_reports(analyse_text):
    """ECB+ 35_4ecb (in no gold set): in "Jackson was on probation ..., he said." the speaker is the officer who
    spoke before, not Jackson; a writer who meant Jackson would have written "Jackson said"."""
    analysis = analyse_text(
        "The player was arrested after driving abruptly , speeding and weaving in a 2008 GMC Sierra , said Highway "
        "Patrol Officer Brad Baehr .\nJackson was on probation for a previous DUI arrest , he said .\nThe player "
        "was taken to the San Diego County jail .")
    said = [(q.text, q.speaker.name, q.speaker.text) for q in analysis.quotes]
    assert ("Jackson was on probation for a previous DUI arrest", "Brad Baehr", "he") in said


def test_a_first_name_of_one_sex_keeps_the_other_s_pronoun_off_its_bearer(analyse_text):
    """ECB+ 4_2ecb: "she" after "her agent , Mark Roesler , said" is not Roesler, whom the article never calls he
    or she: Mark is a man's name (the US Census first-name lists, storyline.nlp.first_names). Nor is "he" Bettie
    Page's."""
    analysis = analyse_text(
        "Ms Page had been admitted to hospital originally for treatment for pneumonia .\n`` She captured the "
        "imagination of a generation of men and women with her free spirit and unabashed sensuality , '' her agent "
        ", Mark Roesler , said yesterday .\n`` I do n't want to be photographed in my old age , '' she said in 1998 .")
    speakers = {q.text.strip(" ,'\"`"): q.speaker.name if q.speaker else None for q in analysis.quotes}
    assert speakers["I do n't want to be photographed in my old age"] == "Page"
    assert speakers["She captured the imagination of a generation of men and women with her free spirit and "
                    "unabashed sensuality"] == "Mark Roesler"


def test_a_pronoun_prefers_the_subject_known_to_be_of_its_gender(analyse_text):
    """PolNeAR dev (Breitbart, 30 September 2016): "She" is Hillary Clinton, a woman by her first name, not the
    later "Trump" of "Trump's" words, of no gender the article gives; the parse makes both subjects."""
    analysis = analyse_text(
        "Hillary Clinton says Trump’s “latest twitter meltdown is unhinged, even for him.” She says it underscores "
        "that Trump is “temperamentally unfit to be commander-in-chief.”")
    assert [q.speaker.name for q in analysis.quotes] == ["Hillary Clinton", "Hillary Clinton"]


def test_first_names_shared_by_both_sexes_give_no_gender():
    from storyline.nlp.first_names import first_name_gender

    assert first_name_gender("Mark Roesler") == "m" and first_name_gender("Bettie Page") == "f"
    assert first_name_gender("Jordan Smith") is None and first_name_gender("Terry Smith") is None
    assert first_name_gender("Page") is None and first_name_gender("J. Smith") is None


def test_a_common_noun_opening_a_sentence_is_no_person_but_a_surname_is(analyse_text):
    """ECB+ 4_1ecb: "Filmmaker" (tagged a person) opening "Filmmaker and aviator Howard Hughes also doggedly pursued
    Page" took the "she" of Page's words after it. "Cheeks was named ..." (5_3ecb) keeps its person: the article
    writes "Maurice Cheeks" too."""
    analysis = analyse_text(
        "A screen test at 20th Century Fox went badly , with a producer offering her a break in return for sexual "
        "favors -- she refused .\nFilmmaker and aviator Howard Hughes also doggedly pursued Page but she rebuffed "
        "him as well .\n`` I never returned any of his calls , '' she once said .")
    assert not any(m.name == "Filmmaker" for m in analysis.mentions)
    [quote] = [q for q in analysis.quotes if "returned any of his calls" in q.text]
    assert quote.speaker.name == "Page"
    analysis = analyse_text("The 76ers fired coach Maurice Cheeks on Saturday .\nCheeks was named the 21st head coach "
                            "in team history on May 23 , 2005 .")
    assert [m.name for m in analysis.mentions if m.label == "PERSON"] == ["Maurice Cheeks", "Cheeks"]


def test_according_to_on_a_speech_verb_with_its_subject_names_where_the_words_were_found(analyse_text):
    """ECB+ 4_1ecb: "`` ... ? '' she said years later , according to her official website": she spoke; and the
    quote after it is hers too. "according to" alone still names the speaker."""
    analysis = analyse_text(
        "For Page , the bondage photos were harmless fun .\n`` But honestly , who could take any of this seriously ? '' "
        "she said years later , according to her official website .\n`` I never understood how anyone believed "
        "those poses were sexy .")
    speakers = {q.text.strip(" `'"): q.speaker.name for q in analysis.quotes if q.kind == "direct"}
    assert speakers == {"But honestly , who could take any of this seriously ?": "Page",
                        "I never understood how anyone believed those poses were sexy .": "Page"}
    analysis = analyse_text("`` We have no plans to leave , '' according to a senior official .")
    assert [q.speaker.text for q in analysis.quotes if q.kind == "direct"] == ["a senior official"]


def test_a_quote_line_after_a_sentence_that_brings_a_new_person_in_is_theirs(analyse_text):
    # ECB+ 8_7ecb (a dev event): Simons is named for the first time in the sentence before, and hears, not says;
    # a person already named before (Currie, in the last line) does not take a quote line after a sentence that
    # does not speak
    quotes = analyse_text(
        "Bob Currie , 66 , who lives near the Wells Fargo branch , said that in the morning he saw a police car .\n"
        "T.J. Simons , 17 , who works at the 76 station on Oregon 214 about 500 feet from the bank , also heard the "
        "blast .\n"
        "`` At first I thought it was thunder , until I saw all the cops showing up . ''\n"
        "Currie walked back to his apartment .\n"
        "`` It sounded like somebody tossing a Dumpster off a three-story building . ''").quotes
    first = next(q for q in quotes if q.text.strip().startswith("At first"))
    assert (first.rule, first.speaker.text) == ("previous_subject", "T.J. Simons")
    last = next(q for q in quotes if q.text.strip().startswith("It sounded"))
    assert last.speaker is None or "Currie" not in last.speaker.text


def test_a_quote_line_opening_with_a_phrase_of_time_goes_on_with_the_speaker_before(analyse_text):
    # ECB+ 8_7ecb (a dev event): "Later in the afternoon ," opens the quote's line; "He" (Currie) spoke just before
    quotes = analyse_text(
        "Bob Currie , 66 , who lives near the Wells Fargo branch , said that in the morning he saw a police car "
        "blocking the drive-up teller window .\n"
        "He said the Wells Fargo evacuated at 1:30 p.m. and he saw people leaving the bank from his balcony .\n"
        "Later in the afternoon , `` I went back to my computer and all of a sudden heard this loud ka-boom . ''\n"
        "Police closed the road , and a spokesman would not comment .\n"
        "On Friday , `` We are still looking at it . ''").quotes
    later = next(q for q in quotes if q.text.strip().startswith("I went back"))
    assert (later.rule, later.speaker.text) == ("previous_subject", "He")
    # no person is the subject of the sentence before the last line: nobody goes on
    last = next(q for q in quotes if q.text.strip().startswith("We are"))
    assert last.speaker is None or last.speaker.text != "He"
