import json, pathlib
docs = []
def add(id, url, title, text, furniture, cut):
    docs.append(dict(id=id, url=url, title=title, text=text, furniture=furniture, cut=cut))

add("01-mag-walkerton-inquiry-part-one-report",
 "https://bac-lac.wayback.archive-it.org/web/20061218185341/http:/www.attorneygeneral.jus.gov.on.ca/english/about/pubs/walkerton/part1",
 "Part One Report of the Walkerton Commission of Inquiry",
 """Part One Report of the Walkerton Commission of Inquiry

Part One of the Report of the Walkerton Commission of Inquiry -- prepared by Mr. Justice Dennis O’Connor -- into the contamination of the Walkerton water supply and into the safety of Ontario’s drinking water was received by the Attorney General on January 14, 2002 and released in English to the residents of Walkerton and the public on January 18, 2002. The full report and the summary can be accessed at the links below.

The full report and summary document of the Part One report of the Commission of Inquiry is available in print version at:

Publications Ontario
880 Bay Street
Toronto, Ontario
M7A 1N8

For further information about obtaining a printed copy of the report, please contact Publications Ontario.
""",
 "the breadcrumb line 'Location: HomeWhat We DoPublicationsWalkerton ReportPart1 → Part One Report of the Walkerton Commission of Inquiry'; the Adobe Acrobat Reader notice; the link list of PDF files (cover page, summary, title page, chapters 1-12 with file sizes)",
 "whole but for the link list, which runs on past the store's cut")

add("02-walkerton-inquiry-mandate",
 "http://www.archives.gov.on.ca/en/e_records/walkerton/cmandate/index.html",
 "The Walkerton Inquiry: The Inquiry and Its Mandate",
 """THE INQUIRY AND ITS MANDATE

The Walkerton Inquiry is an independent Commission set up to examine the contamination of the water supply in Walkerton, Ontario, by E.Coli bacteria and to look into the future safety of the water supply in Ontario. The Commission's findings and recommendations will be presented to the Ontario government and made public.

The contamination in Walkerton was discovered in May and June 2000. Hundreds of people in the town became ill and several have died.

The Commission's mandate is to inquire into the cause of these events including the effect, if any, of government policies, procedures and practices and to make recommendations to ensure the safety of drinking water in Ontario.

The Commission was established on June 12, 2000, by the Government of Ontario under the Public Inquiries Act. Its findings, conclusions and recommendations will be delivered to the Attorney General of Ontario who shall make them public.

Dennis R. O'Connor, a Justice of the Court of Appeal for Ontario, was appointed Commissioner.

After his appointment, Justice O'Connor said that the Commission's terms of reference will enable him to carry out a full and thorough inquiry.

"I am satisfied that I have sufficiently broad powers under the terms of reference and under the Public Inquiries Act to carry out this very wide mandate," he said.
""",
 "the site title 'THE WALKERTON INQUIRY' and the Archives of Ontario's notice 'This website was transferred to the Archives of Ontario in August of 2007. It is no longer being updated so forms, search boxes, and external links may not function'; the link line 'Further details are available at: http://www.newswire.ca/releases/June2000/16/c5837.html'; the footer (the Inquiry's Toronto address and 'C o p y r i g h t © 2000-2002 THE WALKERTON INQUIRY')",
 "whole but for the furniture")

add("03-walkerton-inquiry-notice-of-hearing",
 "http://www.archives.gov.on.ca/en/e_records/walkerton/legalinfo/docs/notice.html",
 "The Walkerton Inquiry: Notice of Hearing",
 """THE WALKERTON INQUIRY

NOTICE OF HEARING

Mr. Justice Dennis O’Connor has been appointed as the Commissioner of the Walkerton Inquiry. In Part I of the Inquiry the Commission will inquire into the circumstances which caused hundreds of people in the Walkerton area to become ill, and several of them to die, in May and June 2000, at or around the same time as E. coli bacteria were found to be present in the Town’s water supply, and the cause of these events including the effect, if any, of government policies, procedures and practices. Part II of the Inquiry will focus on the policy issues related to ensuring the safety of Ontario’s drinking water.

Applications by interested individuals and groups for standing and funding in relation to both Part I and Part II of the Inquiry will be heard commencing at 10:30 a.m. on September 5, 2000 at 220 Trillium Court, Walkerton, Ontario. NO EVIDENCE WILL BE HEARD AT THIS TIME.

The criteria for standing and for funding in both Part I and Part II of the Inquiry are set out in the Rules of Procedure and Practice which can be found on our website at www.walkertoninquiry.com. A copy can also be obtained by contacting the Inquiry at the addresses and/or telephone numbers set out below.

Applications for standing should be made in writing and provide the following information:

  1. Whether standing is sought for Part I or Part II of the Inquiry or both; and
  2. A statement of how the applicant satisfies the criteria for standing set out in the Rules of Procedure and Practice.

Applications for funding should be made in writing and should provide the following information:

  1. A statement of how the applicant satisfies the criteria for funding set out in the Rules of Procedure and Practice.
""",
 "the first of the two 'THE WALKERTON INQUIRY' lines (the page's title bar); a line holding only a space between the two lists",
 "after funding item 1's first sentence '...the Rules of Procedure and Practice.' (its next sentence, 'In demonstrating why an applicant would not otherwise be able to participate ...', is cut by the store)")

add("04-ontario-hansard-2000-05-29-walkerton-motion",
 "https://ola.org/en/legislative-business/house-documents/parliament-37/session-1/2000-05-29/hansard",
 "Legislative Assembly of Ontario, Official Report of Debates (Hansard), L062A, Monday 29 May 2000",
 """L062A - Mon 29 May 2000 / Lun 29 mai 2000
The House met at 1330.
Prayers.
BUSINESS OF THE HOUSE
Hon Dan Newman (Minister of the Environment): On a point of order, Mr Speaker: I am seeking unanimous consent that the House business for this afternoon proceed as follows:
That pursuant to standing order 9(c)(i), the House shall sit this evening from 6:45 pm to 9:30 pm and that the motion of the member from Renfrew-Nipissing-Pembroke be deferred until orders of the day this evening;
That the House now proceed immediately to routine motions, followed by oral questions;
That after oral questions the House immediately move to orders of the day for an emergency debate on the tragedy of the events at Walkerton, and specifically to consider the following motion:
This House expresses sincere regret and concern over the tragic events faced by the residents, families and friends of the citizens of Walkerton;
That this House sends its condolences to those who have lost loved ones and its prayers for those who continue to struggle with the ravages of this tragedy;
That, out of respect for the victims of this tragedy and as a sign that the entire province joins with the people of Walkerton in mourning, staff of the Legislative Assembly be directed to fly flags at half-mast for the remainder of the week;
That this House pledge, as Premier Harris has, to do whatever it takes to get to the bottom of this tragedy, and, to that end,
That the standing committee on general government be directed to review the circumstances leading to the tragedy in Walkerton, and to report its findings and recommendations back to this House;
That for purposes of its review of this matter, the committee is authorized to travel from place to place in Ontario and to meet and receive evidence from witnesses when the House is not in session;
""",
 "the stray contents-list heading 'ONTARIO RESEARCH AND INNOVATION OPTICAL NETWORK' (a remnant of the sitting's table of contents, standing between the sitting line and 'The House met at 1330.')",
 "after '...when the House is not in session;' (the motion's next clause, 'That the committee commence its review by considering ...', is cut by the store)")

add("05-grey-bruce-health-unit-walkerton-outbreak",
 "https://www.publichealthgreybruce.on.ca/About-Us/Publications/Walkerton-Outbreak",
 "Walkerton Outbreak - May 2000",
 """Walkerton Outbreak - May 2000


The community of Walkerton experienced an outbreak of illness that was linked to the municipal water supply. On Sunday May 21, 2000 the Medical Officer of Health issued a Boil Water Advisory to the residents of Walkerton. That Advisory was lifted on December 5, 2000.


An epidemiological investigation included both a descriptive study and a cross-sectional study. Intensive case-finding for the descriptive study ultimately led to the identification of 1346 reported cases of gastroenteritis with exposure to Walkerton municipal water. Among these, 799 were residents of the town of Walkerton. Based on estimates derived from the cross-sectional study, the number of Walkerton residents that became ill was approximately 1286. The overall estimated number of cases associated with the outbreak was over 2300 people.

Hemolytic Uremic Syndrome (HUS)

Under 10% of individuals with E. Coli 0157:H7 infection will develop Hemolytic Uremic Syndrome (HUS).
""",
 "the site's COVID-19 banners before the text ('Effective Monday, March 1, 2021, ... Green Prevent Level ...', 'COVID-19 Vaccine Update: ...', 'Please do not call your healthcare provider to book an appointment.', 'Please do not call Health Unit to book an appointment.', 'Vaccine rollout details')",
 "after '...will develop Hemolytic Uremic Syndrome (HUS).' (the next sentence, 'HUS is a serious complication of E. Coli in...', is cut by the store)")

add("06-cela-applauds-walkerton-report",
 "https://cela.ca/cela-applauds-walkerton-report/",
 "Media Release: CELA Applauds Walkerton Report",
 """Media Release: CELA Applauds Walkerton Report

Media Release

Toronto: The Canadian Environmental Law Association applauds the Part II Walkerton Inquiry Report, issued today in Toronto.

“Mr. Justice O’Connor has made significant recommendations for improvement of the drinking water system in Ontario” stated Paul Muldoon, CELA’s Executive Director. “We now look for indication from the government as to when it will begin implementation of these sweeping and specific recommendations.”

When the Walkerton Inquiry released its report in Part I as to the causes of the Walkerton disaster, then Premier Harris unequivocally committed to not only implement every single recommendation of the Commissioner arising out of Part I, but also, every single recommendation to be made in Part II.

“Now that we have the Part II recommendations, we look forward to immediate implementation. All of these recommendations are feasible, necessary, and most importantly, less expensive than the alternative of waiting for any more disasters from Ontario’s drinking water system”, said Theresa McClenaghan, CELA counsel.

Among the recommendations made by Justice O’Connor are:

  • A Safe Drinking Water Act
  • Mandatory source protection on a watershed basis
  • Creation of two new branches within the Ministry of Environment, a Drinking Water Branch and a Watershed Management Branch, along with a new position entitled Chief Inspector – Drinking Water Systems
  • A multi-barrier approach to drinking water protection
  • $7 to $19 dollars per household per year over 10 years for the one-time costs to implement his recommendations and a similar annual cost to implement the Inquiry’s recommendations
    Mandatory abatement and enforcement, rather than voluntary measures
  • Strengthened accreditation and training
""",
 "nothing",
 "after the list of recommendations (the next paragraph, a quotation beginning 'The Report’s recommendations, if implemented, ...', is cut by the store)")

add("07-wwdmag-ontario-files-charges-koebel",
 "https://www.wwdmag.com/ontario-files-charges-tainted-water-scandal",
 "Ontario Files Charges in Tainted Water Scandal",
 """Apr 23, 2003

Ontario Files Charges in Tainted Water Scandal

Two brothers who ran the water system in Walkerton, Ontario, where seven people died three years ago after drinking from a bacteria-tainted water supply, were charged today with endangering the public, according to Rajiv Sekhri of Reuters.
Stan and Frank Koebel will appear in a Walkerton court on June 10, accused of failing to monitor, sample and test the small farming community's well water — a criminal charge referred to as public endangerment, and with forging and falsifying documents, and with breach of trust.
Nearly half of Walkerton's 5,000 residents fell sick in May 2000 because the water system was contaminated by a deadly strain of the E.Coli bacteria when cow manure waste washed into one of the town wells.
Some observers had urged harsh punishment for the brothers, but detective inspector Paul Chaytor indicated that no other charges would be forthcoming.
Stan Koebel, who was manager of Walkerton's Public Utilities Commission, faces seven charges. Frank Koebel was foreman and faces five.
Bill Trudell, a lawyer for Stan Koebel, said his client will plead not guilty.
"It was very clear that a lot of people didn't do their duty, and what is of concern is that these charges are focused on Stan and Frank Koebel in relation to how they did their job. I leave it to others to decide whether the optics of that are fair," Trudell said.
During a judicial inquiry into the water scandal both brothers admitted they had falsified water test results and faked daily log entries.
But Ontario Associate Chief Justice Dennis O'Connor said in his final report released in May, 2002, that that the brothers had not intended to hurt anyone.
O'Connor also took Ontario's Conservative government to task for failing to properly assess the risks attached to its cost-cutting measures.
""",
 "nothing",
 "after '...its cost-cutting measures.' (the next sentence, 'He also faulted the Ministry of the Environment ...', is cut by the store)")

add("08-cbc-koebel-sentencing",
 "https://www.cbc.ca/news/canada/stan-koebel-gets-1-year-in-jail-frank-9-months-house-arrest-1.485905",
 "Stan Koebel gets 1 year in jail, Frank 9 months house arrest",
 """Stan Koebel gets 1 year in jail, Frank 9 months house arrest

Stan Koebel gets 1 year in jail, Frank 9 months house arrest in Walkerton tainted water tragedy.

Stan and Frank Koebel received their sentences Monday for their role in a deadly E. coli outbreak in a small Ontario town in May 2000.

Former Walkerton, Ont. utilities manager Stan Koebel was sentenced to one year in jail, while younger brother Frank, who was water foreman, got a nine-month conditional house arrest.

Heavy rain had caused Walkerton's drinking water to become contaminated four and a half years ago, but the Koebels apparently did little despite complaints from the town's residents about vomiting and diarrhea.

Seven of the town's people died and 2,500 others fell ill during the tainted water crisis.

Stan and Frank pleaded guilty to criminal charges last month.

Ontario Superior Court Justice Bruce Durno took more than two hours to read out and explain his ruling.

He stressed there was never any intent on the part of the Koebels to harm anyone, but found them negligent in discharging their duties.

"No sentence I could impose can assuage the enormous losses," Durno told a packed courtroom. "But, the offenders are not being sentenced for being the cause of the Walkerton water tragedy."

Durno determined that greater blame lay with Stan, whom he held responsible for delaying a boil water advisory, even though both he and Frank knew from May 17 there were unsafe levels of E. coli in Walkerton's tap water.

He found that Stan lied about this to government officials for two days.

Frank's conditional sentence will consist of six months house arrest followed by three months of night curfew.

Frank will be allowed out of his house in cases of medical emergencies, limited Saturday shopping, job interviews, Sunday church services and the like.

Stan's lawyer Bill Trudel, who did not rule out an appeal, said the judge had agreed that Koebel was "a very decent man who had made grave mistakes."
""",
 "nothing",
 "after '...\"a very decent man who had made grave mistakes.\"' (the next paragraph, beginning 'Brothers', is cut by the store)")

add("09-wikipedia-walkerton-e-coli-outbreak",
 "https://review.clateway.com/wiki/view_html.php?q=Walkerton_E._coli_outbreak&sq=Qlik",
 "Walkerton E. coli outbreak",
 """Walkerton E. coli outbreak | |
---|---|
Bacteria strain | Escherichia coli O157:H7 and Campylobacter jejuni |
Source | Contaminated drinking water supplies |
Location | Walkerton, Ontario, Canada |
First reported | May 17, 2000 |
Date | May 12–24, 2000 |
Confirmed cases | 2,000+ |
Severe cases | 27 |
Deaths | 7 |
The Walkerton E. coli outbreak was the result of a contamination of the drinking water supply of Walkerton, Ontario, Canada, with E. coli and Campylobacter jejuni bacteria. The water supply was contaminated as a result of improper water treatment following heavy rainfall in late April and early May 2000, that had drawn bacteria from the manure of nearby cattle used to fertilize crops into the shallow aquifer of a nearby well. The first reported case was on May 17. The contamination caused gastroenteritis and sickened more than 2,000 people and resulted in seven deaths, and left others with chronic illnesses.
Subsequently, Associate Chief Justice of Ontario, Dennis O'Connor led an inquiry into the outbreak, called the Walkerton Inquiry. Walkerton Public Utilities Commission operators Stan and Frank Koebel, neither of whom had any formal training, were sentenced on December 20, 2004, after pleading guilty to charges of common nuisance stemming from the contamination—Stan to one year in jail, and Frank to nine months house arrest. As a result, stricter water treatment guidelines were put in place by the government.
""",
 "nothing",
 "whole as stored (the infobox and the lead)")

pathlib.Path(__file__).with_name("stored.json").write_text(json.dumps(docs, ensure_ascii=False, indent=1), encoding="utf-8")
