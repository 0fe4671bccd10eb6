#!/usr/bin/env python3
"""Write sources/*.txt from the stored pages, as the pages search returned them.

Each entry holds the stored text (the opening of the page, as the store keeps it), the furniture
removed (exact substrings: navigation, image captions, the store's date stamp, link lines) and the
cut: the text ends after the last complete sentence before the store's cut (`end`). Nothing else is
changed. The stored texts are also written to tools/stored.json.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SOURCES = HERE.parent / "sources"

DOCS = [
    {
        "id": "01-gao-capitol-police-emergency-procedures-risk-assessment",
        "url": "https://www.gao.gov/products/gao-22-105001",
        "title": "Capitol Attack: The Capitol Police Need Clearer Emergency Procedures and a Comprehensive Security Risk Assessment Process",
        "stored": """Skip to main content

Capitol Attack: The Capitol Police Need Clearer Emergency Procedures and a Comprehensive Security Risk Assessment Process

GAO-22-105001 Published: Feb 17, 2022. Publicly Released: Feb 17, 2022.

Fast Facts

As part of our comprehensive look at the events of January 6th, this report examines the U.S. Capitol physical security operations. We found that:

  • The Capitol Police and its oversight board didn't have clear, detailed procedures on how to get emergency support from other agencies on January 6th—e.g., when is congressional leadership approval needed?
  • The Capitol Police didn't have a comprehensive, documented process for assessing and mitigating physical security risks to the Capitol complex.

The Capitol Police and its board are working on procedures for emergency support, and we recommended finalizing them, addressing security risks, and more.

Crowds gather at the U.S. Capitol during the January 6, 2021 attack.

aerial view of the January 6, 2021 attack on the U>S.

Skip to Highlights

Highlights

What GAO Found

The U.S. Capitol Police's (Capitol Police) planning for January 6, 2021, did not reflect the potential for extreme violence aimed at the Capitol and did not include contingencies for support from other agencies. For example, although the Capitol Police had information protesters could be armed and were planning to target Congress, the Capitol Police's plans focused on a manageable, largely non-violent protest at the Capitol. The Capitol Police's Office of Inspector General previously recommended that the Capitol Police improve its operational planning.

Images of the Capitol Attack on January 6, 2021

Images of the Capitol Attack on January 6, 2021

On January 6, the Capitol Police and the Capitol Police Board, which oversees the Capitol Police, used various different authorities to obtain assistance from about 2,000 personnel from outside agencies. However, the Capitol Police and the Board lacked clear, detailed pr""",
        "furniture": [
            "Skip to main content\n\n",
            "Crowds gather at the U.S. Capitol during the January 6, 2021 attack.\n\n",
            "aerial view of the January 6, 2021 attack on the U>S.\n\n",
            "Skip to Highlights\n\n",
            "Images of the Capitol Attack on January 6, 2021\n\nImages of the Capitol Attack on January 6, 2021\n\n",
        ],
        "end": "from about 2,000 personnel from outside agencies.",
    },
    {
        "id": "02-dodig-review-dod-response-capitol-january-6",
        "url": "https://www.theblackvault.com/documentarchive/review-of-the-department-of-defenses-role-responsibilities-and-actions-to-prepare-for-and-respond-to-the-protest-and-its-aftermath-at-the-u-s-capitol-campus-on-january-6-2021-dodig-2022/amp",
        "title": "Review of the Department of Defense’s Role, Responsibilities, and Actions to Prepare for and Respond to the Protest and its Aftermath at the U.S. Capitol Campus on January 6, 2021 (DODIG-2022-039)",
        "stored": """Categories: Intelligence

Review of the Department of Defense’s Role, Responsibilities, and Actions to Prepare for and Respond to the Protest and its Aftermath at the U.S. Capitol Campus on January 6, 2021 (DODIG-2022-039)

This report presents the results of the DoD Office of Inspector General (OIG) review of the DoD’s role, responsibilities, and actions to prepare for and respond to the protest and its aftermath at the U.S. Capitol Campus on January 6, 2021.

The DoD Acting Inspector General initiated this review on January 15, 2021. Our review evaluated requests for DoD support before January 6, 2021, how the DoD responded to such requests, the requests for support the DoD received as the events unfolded on January 6, 2021, and how the DoD responded to the protests and rioting at the U.S. Capitol Campus. We evaluated whether the DoD’s actions were appropriate and supported by requirements. We also examined whether the DoD complied with applicable laws, regulations, and other guidance in its response to requests for assistance.

To conduct the review, we assembled a multidisciplinary team of DoD OIG administrative and criminal investigators, evaluators, auditors, and attorneys. We examined approximately 24.6 gigabytes of e-mails and documents, including letters, memorandums, agreements, plans, orders, reports, briefings, calendars, statements witnesses made in congressional hearings, and comments witnesses made to journalists as reported in media articles and network news broadcasts. We examined records from the offices of the Secretary of Defense (SecDef); the DoD General Counsel; the Chairman of the Joint Chiefs of Staff (JCS); the Secretary of the Army (SecArmy); the Chief, National Guard Bureau (NGB); and the District of Columbia National Guard (DCNG). We also reviewed records provided to us by the Office of the Mayor, Washington, D.C.; the Office of the District of Columbia Homeland Security and Emergency Management Agency (DCHSEMA); the Department of t""",
        "furniture": ["Categories: Intelligence\n\n"],
        "end": "and the District of Columbia National Guard (DCNG).",
    },
    {
        "id": "03-senate-hsgac-rules-release-bipartisan-report",
        "url": "https://www.hsgac.senate.gov/media/dems/peters-portman-klobuchar-blunt-release-bipartisan-report-investigating-january-6th-capitol-attack/",
        "title": "Peters, Portman, Klobuchar, Blunt Release Bipartisan Report Investigating January 6th Capitol Attack",
        "stored": """Peters, Portman, Klobuchar, Blunt Release Bipartisan Report Investigating January 6th Capitol Attack

Report focuses on the security, planning and response failures related to the violent and unprecedented attack on January 6th

Full text of the report and recommendations is available for download HERE

WASHINGTON, D.C. – Today, U.S. Senators Gary Peters (D-MI) and Rob Portman (R-OH), Chairman and Ranking Member of the Homeland Security and Governmental Affairs Committee, and Amy Klobuchar (D-MN) and Roy Blunt (R-MO), Chairwoman and Ranking Member of the Committee on Rules and Administration, released a bipartisan report on the security, planning, and response failures related to the violent and unprecedented attack on January 6th. 

The report also includes a series of recommendations for the Capitol Police Board, United States Capitol Police (USCP), federal intelligence agencies, the Department of Defense (DOD), and other Capital region law enforcement agencies.

“Thanks to the heroic actions of U.S. Capitol Police, D.C. Metropolitan Police, the National Guard and others – rioters on January 6th failed to achieve their goal of preventing the certification of a free and fair presidential election. The events of January 6th were horrific, and our bipartisan investigation identified many unacceptable, widespread breakdowns in security preparations and emergency response related to this attack,” said Senator Peters. “Our report offers critical recommendations to address these failures and strengthen security for the Capitol to prevent an attack of this nature from ever happening again.”

“On January 6th, brave law enforcement officers were left to defend not only those in the Capitol, but our democracy itself – and they performed heroically under unimaginable circumstances. At our first bipartisan hearing, I announced as Chair of the Rules Committee that our purpose was to find solutions and issue timely recommendations so it never happens again. This""",
        "furniture": ["Full text of the report and recommendations is available for download HERE\n\n"],
        "end": "from ever happening again.”",
    },
    {
        "id": "04-rules-committee-bolton-praises-joint-report",
        "url": "https://www.rules.senate.gov/news/majority-news/us-capitol-police-inspector-general-praises-joint-report-of-rules-and-homeland-security-committees-on-security-planning-and-response-failures-on-january-6th",
        "title": "U.S. Capitol Police Inspector General Praises Joint Report of Rules and Homeland Security Committees on Security, Planning, and Response Failures on January 6th",
        "stored": """Skip to content

U.S. Capitol Police Inspector General Praises Joint Report of Rules and Homeland Security Committees on Security, Planning, and Response Failures on January 6th

Inspector General Bolton calls report “spot on”

WASHINGTON – Today in the Rules Committee hearing on oversight of the U.S. Capitol Police, U.S. Senator Amy Klobuchar (D-MN), Chairwoman of the Committee on Rules and Administration, asked U.S. Capitol Police Inspector General Michael Bolton about his reaction to the bipartisan joint Rules Committee and Homeland Security Committee report focused on the security, planning, and response failures of January 6th that was released last week. Bolton praised the work of the committees and stated that the report “hit the mark of exactly what failed that day, deficiencies within a department.” 

Inspector General Bolton’s response:

Senator Klobuchar: Thank you, thank you very much, Inspector General. When supporters of President Trump stormed the Capitol after his speech and after months of his false claims about the outcome of the election, we saw the results of that. And we issued a joint report that focused on the issue of what went wrong at the Capitol leading into and during that day. Do you want to comment on our report and what you thought of the report?

Mr. Bolton: I believe that your report, which of course I’ve read, it was spot on. It hit the mark of exactly what failed that day, deficiencies within a department, and highlighted, and it was very useful for my office as well to review that report, and we appreciated that report as well. But it certainly was a report that hit the mark. I completely concur with all of your recommendations and findings.
""",
        "furniture": ["Skip to content\n\n"],
        "end": "I completely concur with all of your recommendations and findings.",
    },
    {
        "id": "05-uscp-response-oig-report",
        "url": "https://www.uscp.gov/media-center/press-releases/uscp-response-oig-report",
        "title": "USCP Response to OIG Report",
        "stored": """USCP Response to OIG Report

April 14, 2021
Press Release

The United States Capitol Police welcomes the USCP Office of Inspector General’s (OIG) review and its recommendations. The Department understands and supports the evaluation of the events of January 6 and implementing changes to improve its operational readiness and the physical security infrastructure of the Capitol Complex.

In the immediate aftermath of January 6, the Department took significant steps to address concerns identified in the OIG’s most recent report. For example, the Department has created a streamlined, comprehensive intelligence sharing process so that the information the Department receives from its intelligence partners is presented to its workforce in a consistent and coherent manner. The Department has made and continues to make substantial procedural and technological changes to the way it disseminates intelligence to all sworn personnel.

Before January 6, the Department was working diligently to replace aging equipment, though these efforts were stymied by manufacturing and shipping constraints of the COVID-19 pandemic. 

Though the Department has made progress in certain areas, it acknowledges much additional work needs to be done.

For example, as it pertains to intelligence, multiple reviews have indicated the need for increased staffing in the Department’s Intelligence and Interagency Coordination Division. In its second Flash Report, the OIG suggested USCP restructure the Department to create an entirely new bureau dedicated solely to intelligence capabilities.  

The Department further acknowledges the importance of developing more comprehensive Civil Disturbance Unit (CDU) policies, ensuring CDU training and certifications for all CDU personnel are up-to-date, and providing more CDU personnel with the necessary training and certifications to operate the Department’s less-lethal munitions as recommended by the OIG.  The Department has secured specialized training """,
        "furniture": [],
        "end": "less-lethal munitions as recommended by the OIG.",
    },
    {
        "id": "06-uscp-responds-union-no-confidence-vote",
        "url": "https://www.uscp.gov/media-center/press-releases/statement-us-capitol-police",
        "title": "USCP Responds to Union's Planned No Confidence Vote",
        "stored": """USCP Responds to Union's Planned No Confidence Vote

February 10, 2021
Press Release

A vote of no confidence is expected this week regarding multiple U.S. Capitol Police Department officials, including Acting Chief Yogananda Pittman. Though the vote does not compel any specific action, it does speak to the sentiment and concerns of some of our officers that our senior commanders are working to address. We do appreciate the letters of support we have received from the immediate past president of our fraternal order of police as well as the local Teamsters union.

Since the appointment of Acting Chief Pittman two days after the attack, she and her executive team took quick action to improve intelligence and operational communications with all officers. The team is also offering counseling and wellness support to all Department employees, including family members given the emotional toll so many are experiencing.

The events of January 6 were tragic and heartbreaking. Two of our own died and others were subjected to inexcusable violence during the attack. Since her appointment on January 8, Acting Chief Pittman has met with officers from every division and has grieved with the families and loved ones of our fallen. 

The entire USCP continues to work diligently to see to it that what happened on January 6 will never happen again, and that all officers will have the tools and resources they need, both personally and professionally. Much work remains, but we are moving swiftly to help each other heal and build on our collective successes.

# # #""",
        "furniture": ["\n\n# # #"],
        "end": "build on our collective successes.",
    },
    {
        "id": "07-mahoney-v-capitol-police-board-opinion",
        "url": "https://case-law.vlex.com/vid/mahoney-v-u-s-908757422",
        "title": "Mahoney v. U.S. Capitol Police Bd., Civil Action No. 21-2314 (JEB), 566 F.Supp.3d 1 (D.D.C. Feb. 22, 2022) (excerpt)",
        "stored": """Mahoney v. U.S. Capitol Police Bd.

Decision Date22 February 2022
Docket NumberCivil Action No. 21-2314 (JEB)
Citation566 F.Supp.3d 1
Parties Patrick J. MAHONEY, Plaintiff, v. UNITED STATES CAPITOL POLICE BOARD, et al., Defendants.
CourtU.S. District Court — District of Columbia

Joshua Wallace Dixon, Pro Hac Vice, Center for American Liberty, Frederick, MD, Mark Meuser, Harmeet Dhillon, Dhillon Law Group Inc., San Francisco, CA, Ronald D. Coleman, Dhillon Law Group, Inc., Newark, NJ, for Plaintiff.

Paul Cirino, U.S. Attorney's Office for the District of Columbia, Washington, DC, for Defendants.

MEMORANDUM OPINION

JAMES E. BOASBERG, United States District Judge

Given security concerns in the wake of the January 6, 2021, attack on the United States Capitol, the Government thereafter temporarily closed most of the Capitol Grounds to demonstrations. In the ensuing months, Defendant U.S. Capitol Police Board gradually eased the closures, though some restrictions remain in place, particularly for groups of 20 or more people. Enter Plaintiff Patrick J. Mahoney, a clergyman who sought to hold a prayer vigil on the West Front Lawn of the Capitol on September 11, 2021, to commemorate the twentieth anniversary of another significant attack on our country. The Government denied his permit application because the area was still closed to demonstrations, but it later clarified that Plaintiff could go forward so long as his vigil attracted fewer than 20 people. Mahoney alleges that, notwithstanding this justification, Defendants permitted several other large demonstrations on the West Front Lawn around that same time. After this Court denied Plaintiff's Motion for Temporary Restraining Order, he went forward with the vigil on the West Front Lawn on September 11 with only his wife.

Plaintiff now returns with an Amended Complaint, which challenges the Board's denial of his permit application and adds that he wants to hold large vigils on the West Front Lawn in the near futur""",
        "furniture": [],
        "end": "on September 11 with only his wife.",
    },
    {
        "id": "08-nbc-washington-capitol-police-acting-chief",
        "url": "https://www.nbcwashington.com/news/local/us-capitol-police-name-acting-chief-after-riot/2536419/",
        "title": "US Capitol Police Name Acting Chief After Riot",
        "stored": """ date 2021-01-10 capitol riot

US Capitol Police Name Acting Chief After Riot

Assistant Chief Yogananda Pittman joined the department in 2001, rose through the ranks and is Assistant Chief for Protective and Intelligence Operations

By Scott MacFarlane and NBC Washington Staff

U.S. Capitol Police have a new acting chief after the chief announced he would resign in the wake of the Capitol riot. 

Assistant Chief Yogananda Pittman will be the acting chief, the department said. She joined the department in 2001, rose through the ranks and is Assistant Chief for Protective and Intelligence Operations, the Capitol Police website says

Pittman was one of the first African-American female supervisors to attain the rank of captain, the site says. 

Capitol Police announced Thursday that Chief Steven Sund would resign effective Jan. 16. He already has left, News4 reported. 

As of Friday, the U.S. Capitol Police Board, which oversees security on Capitol Hill, was down to just one member following the riot. Senate Majority Leader Mitch McConnell asked for and received the resignation of Sergeant-at-Arms of the Senate Michael Stenger effective immediately. Longtime Sergeant-at-Arms of the House Paul Irving also resigned. Only Architect of the Capitol J. Brett Blanton remained on the board, which oversees a half-billion-dollar budget and thousands of employees.

Pittman joined the board. Its new acting head is Jennifer Hemingway, who also is serving as acting Senate sergeant at arms. 

The U.S. Capitol Police Officers’ Union faulted the agency’s preparation for Wednesday’s riot in a scathing statement, comparing it to First Amendment protests by Black Lives Matter supporters last summer.

""",
        "furniture": [" date 2021-01-10 capitol riot\n\n"],
        "end": "by Black Lives Matter supporters last summer.",
    },
    {
        "id": "09-ryan-herrera-beutler-letter-capitol-police-board",
        "url": "https://gorgenewscenter.com/2021/03/30/legislative-branch-subcommittee-chair-ranking-member-request-release-of-capitol-police-investigation-report-of-u-s-capitol-complex-breach",
        "title": "Legislative Branch Subcommittee Chair, Ranking Member Request Release of Capitol Police Investigation Report of U.S. Capitol Complex Breach",
        "stored": """Legislative Branch Subcommittee Chair, Ranking Member Request Release of Capitol Police Investigation Report of U.S. Capitol Complex Breach

House Legislative Branch Subcommittee Chairman Tim Ryan (OH-13) and Ranking Member Jaime Herrera Beutler (WA-03) called on the United States Capitol Police Board to release the upcoming USCP Inspector General (IG) report, and any interim report, that will examine the events that transpired during the January 6th Capitol Complex breach to determine missteps by Capitol Police from a planning, policy, and intelligence gathering perspective.

In the letter to the USCP Board, Ryan and Herrera Beutler also request that USCP conduct regular press conferences updating the public on any threats posed to Congress and efforts to improve security around the Capitol Complex.

The full text of the letter follows

Dear Members of the Capitol Police Board,

We first want to express our gratitude for your work to keep Members, staff, and visitors on and around the Capitol campus safe. Since the January 6th attack, your teams have worked tirelessly to maintain peace, safety, and order in the Capitol Complex. Thank you.

However, we write today to express frustration with your unwillingness to release information to the public or answer media questions regarding the events of January 6th, the current security posture of the U.S. Capitol Police (USCP) and plans to secure the Capitol Complex in the mid and long-term future.

The entire world bore witness as a secure perimeter was breached at the U.S. Capitol on the afternoon of January 6th. A vulnerability at the heart of our nation’s democracy was suddenly laid bare for all Americans to see. Restoring security at our nation’s Capital in a sustainable manner therefore requires more than just increased equipment and personnel; it means publicly acknowledging the critical deficiencies that existed, discussing transparency and accountability goals with relevant stakeholders, and sharing plans for""",
        "furniture": [],
        "end": "was suddenly laid bare for all Americans to see.",
    },
    {
        "id": "10-wikipedia-steven-sund",
        "url": "https://en.wikipedia.org/wiki/Steven_Sund",
        "title": "Steven Sund",
        "stored": """= Steven Sund =

Steven Sund
- Office: 10th Chief of the United States Capitol Police
- Term End: January 8, 2021
- Term Start: June 14, 2019
- Predecessor: Matthew Verderosa
- Successor: J. Thomas Manger
- Birth Place: Suffolk County, New York, U.S.
- Education: Johns Hopkins University (BS, MS), Naval Postgraduate School (MA)

Steven A. Sund (born 6 April 1972) is a retired American law enforcement official, author and public speaker.
Sund was a member of the D.C. Metropolitan Police Department for 25 years, where he was commander of the force's Special Operations Division. He joined the U.S. Capitol Police in 2017, becoming its chief in 2019. He led the force during the January 6 Capitol attack, after which he faced widespread criticism for the perceived security failures of that day.

A December 2024 interim report by the Subcommittee on Oversight of the 118th Congress concluded that Sund had “unfairly shouldered the bulk of the blame” and highlighted systemic failures across federal agencies. Following his resignation, Sund became an advocate for law enforcement reform and national security preparedness. Sund authored the book Courage Under Fire: Under Siege and Outnumbered 58 to 1 on January 6, which became an Amazon bestseller and provided his perspective on the events of that day.

== Education ==
Sund received a BS and MS from Johns Hopkins University, and an MA in homeland security from the Naval Postgraduate School.

== D.C. Metropolitan Police ==
Sund was a member of the Metropolitan Police Department of the District of Columbia for more than 25 years before retiring in 2015. He was “widely respected in the District and among leaders of U.S. Secret Service, U.S. Park Police” and other law enforcement agencies.

During his career, Sund coordinated a number of National Special Security Events by the Department of Homeland Security, including the presidential inaugurations of 2001, 2005, 2009, and 2013. Sund was the on-scene incident commander at th""",
        "furniture": [],
        "end": "including the presidential inaugurations of 2001, 2005, 2009, and 2013.",
    },
]


def build(doc):
    text = doc["stored"]
    for f in doc["furniture"]:
        assert text.count(f) == 1, (doc["id"], f)
        text = text.replace(f, "")
    end = doc["end"]
    assert text.count(end) == 1, (doc["id"], end)
    text = text[: text.index(end) + len(end)]
    return text


def main():
    SOURCES.mkdir(exist_ok=True)
    stored = []
    for doc in DOCS:
        body = build(doc)
        out = f"# source: {doc['url']}\n# title: {doc['title']}\n{body}\n"
        (SOURCES / f"{doc['id']}.txt").write_text(out, encoding="utf-8")
        stored.append({k: doc[k] for k in ("id", "url", "title", "stored", "furniture", "end")})
        print(f"{doc['id']}: {len(body)} chars, {len(body.split())} words")
    (HERE / "stored.json").write_text(json.dumps(stored, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
