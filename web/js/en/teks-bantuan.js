// English words of teks-bantuan.js (help, walkthroughs, empty lists, the guide screen).
export const TB = {
  bantuan: 'Help',
  bantuanLayar: (judul) => `Help: ${judul}`,
  tutup: 'Close',
  contoh: 'Example',
  panduanPeran: 'Full guide for your role',
  semuaPanduan: 'All guides',
  unduhPdf: 'Download the guide (PDF)',
  turLagi: 'Show the welcome tour',
  cetak: 'Print this page',
  langkahKe: (i, n) => `Step ${i} of ${n}`,
  sebelumnya: 'Previous',
  berikutnya: 'Next',
  selesai: 'Done',
  tutupTur: 'Close the tour',
  turDitutup: 'Tour closed. Open it again any time from the Help button.',
  turLabel: 'Welcome tour',
  panduan: 'User guide',
  panduanKet: 'Step by step for every role, with screenshots taken automatically by the application tests. The guide itself is in Indonesian.',
  pilihPeran: 'Choose a guide',
  panduanTidakAda: 'Guide page not found.',
  gambarTidakAda: (s) => `Picture not available: ${s}`,
  kembaliPanduan: 'Back to the list of guides',
};

export const PERAN_PANDUAN = {
  pegawai: 'Employee', atasan: 'Superior (appraiser)', pimpinan: 'Head of agency', admin: 'HR administrator', auditor: 'Auditor (internal)',
};

export const TUR = {
  pegawai: {
    judul: 'Welcome to kinerja',
    langkah: [
      { judul: 'Draft your SKP', teks: 'Start with this year\'s performance plan (SKP): write your planned results (RHK) with their indicators and targets, then submit it to your superior.', tombol: 'Open My SKP' },
      { judul: 'Log daily activities', teks: 'Every day, log the work you did and link it to an RHK. Activities are kept on the device even when the signal drops.', tombol: 'Open Activities' },
      { judul: 'Report results and evidence', teks: 'Every month, fill in the result of each indicator (IKI) and attach evidence (a file or a link), then submit it to your superior.', tombol: 'Open My SKP' },
      { judul: 'Follow your progress', teks: 'The dashboard shows your targets, activities, feedback and rating. The Help button on every screen explains it.', tombol: 'Open Dashboard' },
    ],
  },
  atasan: {
    judul: 'Welcome, appraiser',
    langkah: [
      { judul: 'Approve your staff\'s SKP', teks: 'Plans submitted by your staff wait for your approval. Check that each RHK is a result (not an activity) and supports one of yours.', tombol: 'Open SKP approvals' },
      { judul: 'Review activities and results', teks: 'Approve or return your staff\'s activities and monthly results, and give continuous feedback.', tombol: 'Open Review' },
      { judul: 'Appraise your staff', teks: 'At the end of the period rate work results and work behaviour; the grade follows the PermenPANRB 6/2022 matrix.', tombol: 'Open Appraisals' },
      { judul: 'Follow your team', teks: 'The team dashboard and the Compliance screen show who has not logged activities or is waiting for review.', tombol: 'Open Compliance' },
    ],
  },
  pimpinan: {
    judul: 'Welcome, head of agency',
    langkah: [
      { judul: 'See the agency dashboard', teks: 'The agency dashboard summarises targets, activities and the grade distribution of every unit.', tombol: 'Open Dashboard' },
      { judul: 'Set unit grades', teks: 'On the Units screen set each unit\'s organisational grade and check the distribution curve of its staff.', tombol: 'Open Units' },
      { judul: 'Follow SKP status', teks: 'SKP status shows how many plans are approved, still drafts, or missing.', tombol: 'Open SKP status' },
    ],
  },
  admin: {
    judul: 'Welcome, HR administrator',
    langkah: [
      { judul: 'Check employee data', teks: 'Import employees from CSV (SIASN/SIMPEG) or add them one by one, then check each direct superior and unit.', tombol: 'Open Employees' },
      { judul: 'Set periods and holidays', teks: 'Choose the appraisal periods (monthly, quarterly, half-yearly or yearly) and the agency\'s holiday calendar.', tombol: 'Open Settings' },
      { judul: 'Prepare TPP', teks: 'Fill in the TPP rules: amounts per job class, performance and discipline shares, and the attendance deduction table.', tombol: 'Open TPP' },
      { judul: 'Follow SKP status', teks: 'See whose plan is missing or not yet approved and remind them.', tombol: 'Open SKP status' },
    ],
  },
  auditor: {
    judul: 'Welcome, auditor',
    langkah: [
      { judul: 'Read the audit log', teks: 'Every change is in the audit log: who, when, and what changed.', tombol: 'Open Audit log' },
      { judul: 'Verify the audit chain', teks: 'The verify button checks that no audit record was altered or deleted.', tombol: 'Open Audit log' },
      { judul: 'Read the auditor guide', teks: 'The guide explains filtering the log by employee, kind of change and date.', tombol: 'Open the guide' },
    ],
  },
  superadmin: {
    judul: 'Welcome, super administrator',
    langkah: [
      { judul: 'Manage agencies', teks: 'The super administrator creates agencies and their HR administrators; each agency\'s data is separate.', tombol: 'Open Administration' },
      { judul: 'Read the audit log', teks: 'You can read and verify the audit log of every agency.', tombol: 'Open Audit log' },
      { judul: 'Read the guide', teks: 'The administrator guide covers importing employees, periods, TPP and SIASN.', tombol: 'Open the guide' },
    ],
  },
};

export const BANTUAN = {
  masuk: { judul: 'Sign in', isi: ['Sign in with your NIP (18 digits) or user name and the password from your agency\'s HR office (BKPSDM).', 'If your agency uses single sign-on, choose its button under the form.'], contoh: 'NIP 198609262015051001: born 26-09-1986, civil servant candidate from May 2015, male, sequence 001.' },
  beranda: { judul: 'Home', isi: ['Home lists the employees whose data you may see: yourself, your staff, or the whole agency for heads and administrators.', 'Search by name or the first digits of the NIP.'], contoh: '' },
  skp: { judul: 'My SKP', isi: ['The SKP (Sasaran Kinerja Pegawai) is the yearly performance plan, 1 January to 31 December. It holds planned results (RHK): outcomes to achieve, not activities.', 'Each RHK is measured by an indicator (IKI) with an aspect (quantity, quality, time or cost) and a target.', 'Group A. Main RHK come from the superior\'s RHK they support; B. Additional is for tasks outside the plan, such as team work.'], contoh: 'A good RHK: "A training needs analysis report used by management". Not an RHK (an activity): "Attending meetings". IKI: "Number of approved reports", aspect quantity, target 4 reports.' },
  matriks: { judul: 'Result role matrix', isi: ['The matrix shows the superior\'s RHK (rows) and the staff who contribute to each (columns).', 'An empty cell means no staff member supports that RHK yet.'], contoh: '' },
  persetujuan: { judul: 'SKP approvals', isi: ['Plans your staff submitted to you as their appraiser.', 'Approve when each RHK is a measurable result that supports yours; return it with a note when it needs work.'], contoh: 'Return an RHK worded "Holding coordination meetings" (an activity) and suggest "Coordination recommendations agreed".' },
  status: { judul: 'SKP status', isi: ['A summary of plan status per employee: None, Draft, Submitted, Approved, Returned.', 'Filter by unit or status and remind those who are behind.'], contoh: '' },
  realisasi: { judul: 'Results', isi: ['Fill in each indicator\'s monthly result against its target, with evidence (a file or a link).', 'Submit the month to your superior, who approves or returns it with feedback.'], contoh: 'Target 4 reports a year; March result: 1 report, evidence: the approved report as PDF.' },
  aktivitas: { judul: 'Daily activities', isi: ['Log daily work: date, duration (minutes), description, and the RHK or action plan it supports.', 'Activities logged without signal are kept on the device and sent automatically when the connection returns.'], contoh: 'Description: "Drafted the training needs questionnaire", 90 minutes, RHK: training needs analysis report.' },
  review: { judul: 'Review', isi: ['Your staff\'s activities and results waiting for your approval.', 'Approve several at once, or return one with a clear reason.'], contoh: '' },
  kepatuhan: { judul: 'Compliance', isi: ['Who has and has not logged activities in a date range, and how many wait for review.'], contoh: '' },
  kotakMasuk: { judul: 'Inbox', isi: ['Notifications for you: plan returned, activity approved, appraisal final, and more.'], contoh: '' },
  penilaian: { judul: 'Appraisals', isi: ['The appraiser rates work results and work behaviour: Above, Meets, or Below Expectations. The grade follows the matrix below.', 'Periodic appraisals follow the agency\'s periods (monthly, quarterly, half-yearly); the yearly one is its own record.'], contoh: 'Results Above and behaviour Meets: Good. Results Below and behaviour Meets: Needs Improvement.', tabel: [['Results \\ behaviour', 'Below', 'Meets', 'Above'], ['Above', 'Poor/Misconduct', 'Good', 'Very Good'], ['Meets', 'Poor/Misconduct', 'Good', 'Good'], ['Below', 'Very Poor', 'Needs Improvement', 'Needs Improvement']] },
  keberatan: { judul: 'Objections', isi: ['An employee may object to a final appraisal; the appraiser\'s superior decides.'], contoh: '' },
  u360: { judul: '360 feedback', isi: ['Peers and staff rate work behaviour (BerAKHLAK values). Answers are anonymous and results show only with enough respondents.'], contoh: '' },
  ak: { judul: 'Credit points', isi: ['Credit points of functional positions follow from the grade: AK = months/12 × grade percentage × level coefficient.'], contoh: 'Ahli Pertama, Very Good January-December: 150% × 12.5 = 18.75.' },
  unit: { judul: 'Units', isi: ['A unit\'s organisational grade (Outstanding, Good, Needs Improvement, Poor, Very Poor) is set by the head above it.', 'The curve shows the grade distribution of the unit\'s staff and whether it fits the distribution rules.'], contoh: 'A Good unit of 10: 7 Good, 2 Very Good, 1 Needs Improvement fits; 8 Good and 2 Needs Improvement breaks "at most 70% Good".' },
  kalkulator: { judul: 'Calculator', isi: ['Compute grades, credit points and performance scores by the rules in force, without saving anything.'], contoh: 'PP 30/2019: SKP 100 and behaviour 80 weighted 60/40 → 92.0 → Good.' },
  admin: { judul: 'Administration', isi: ['The agency\'s settings: units, employees, import, periods, attendance, email, webhooks, SSO and SIASN.'], contoh: '' },
  adminUnit: { judul: 'Units (admin)', isi: ['The agency\'s unit tree. An employee\'s direct superior follows the head of the unit above unless set by hand.'], contoh: '' },
  adminPegawai: { judul: 'Employees', isi: ['Add, edit and transfer employees. The 18-digit NIP holds the birth date, start of service, gender and a sequence.', 'A wrong direct superior is the most common complaint: check it on every transfer.'], contoh: 'NIP 198609262015051001: born 26-09-1986, civil servant candidate from May 2015, male, sequence 001.' },
  adminImpor: { judul: 'Import employees', isi: ['Upload a CSV from SIASN/SIMPEG. Wrong rows are shown with their row and column; nothing is stored until all are right.'], contoh: 'Columns: nip, nama, jenis_asn, golongan, unit_kerja, jabatan, atasan_nip.' },
  adminPengaturan: { judul: 'Periods and holidays', isi: ['Appraisal periods decide when results and periodic appraisals are made. Holidays and collective leave are not working days.'], contoh: '' },
  adminPresensi: { judul: 'Attendance (admin)', isi: ['Import attendance from the time clocks and set work schedules or shifts (night shifts included).'], contoh: '' },
  adminSurel: { judul: 'Outgoing email', isi: ['The queue of reminder and notification emails with their delivery status.'], contoh: '' },
  webhook: { judul: 'Webhooks', isi: ['Send events (plan approved, appraisal final, TPP) to e-Office or HRIS. Each delivery is signed with a secret.'], contoh: '' },
  token: { judul: 'API tokens', isi: ['Tokens let other applications read or write data on your behalf. A token is shown once, when created.'], contoh: '' },
  keamanan: { judul: 'Account security', isi: ['Change your password and turn on two-step verification (2FA) with an authenticator app. Keep the recovery codes somewhere safe.'], contoh: '' },
  sso: { judul: 'Single sign-on', isi: ['Single sign-on (OpenID Connect) with the agency\'s identity provider.'], contoh: '' },
  siasn: { judul: 'SIASN client', isi: ['Pull employee data from BKN\'s SIASN and send appraisal results; every exchange is logged with an actionable message.'], contoh: '' },
  audit: { judul: 'Audit log', isi: ['Every change is recorded: time, actor, kind of change, data before and after.', 'Verification checks the hash chain, so an altered or deleted record shows.'], contoh: '' },
  presensi: { judul: 'Attendance', isi: ['Attendance per day: check-in, check-out, late arrival (TL) and early leave (PSW).', 'TPP deductions come from these codes; leave, official travel and sick leave with a letter are not deductions.'], contoh: 'TL1 late 1-30 minutes: 0.5% deduction; TL4 91 minutes or more or no check-in: 1.5%; absent without reason: 5% a day.' },
  dasbor: { judul: 'Dashboard', isi: ['Targets per indicator, activities, feedback and grades for you (or your staff, unit, agency) on one screen.'], contoh: '' },
  laporan: { judul: 'Reports', isi: ['Export to Excel or PDF: plan status, achievement, activities and appraisals. Large reports are built in the background.'], contoh: '' },
  analitik: { judul: 'Analytics', isi: ['Development recommendations, the 9-box grid (performance × potential) and consistency between appraisers.'], contoh: '' },
  katalog: { judul: 'Training catalogue', isi: ['Trainings recommended for competence development needs.'], contoh: '' },
  tpp: { judul: 'TPP', isi: ['The regional performance allowance: a performance part (from the grade) and a discipline part (from attendance), minus deductions.', 'Every rupiah can be traced to a rule and an attendance record.'], contoh: 'Job class 9, Rp 5,000,000: performance 60% = Rp 3,000,000, discipline 40% = Rp 2,000,000; two TL1 (0.5%) take 1% of the discipline part = Rp 20,000.' },
  tppAdmin: { judul: 'TPP (admin)', isi: ['The agency\'s TPP rules: amounts per job class, performance/discipline shares, percentages per grade and the attendance deduction table. Compute per month, then approve.'], contoh: 'A common deduction table: TL1 1-30 minutes 0.5%, TL2 31-60 1%, TL3 61-90 1.25%, TL4 91+ 1.5%; PSW the same.' },
  organisasi: { judul: 'Organisation performance', isi: ['The strategic plan (Renstra) holds the agency\'s strategic goals with key performance indicators (IKU) and yearly targets. Unit performance agreements (PK) break the IKU down into unit indicators.', 'Unit heads link their RHK to a PK indicator, so an employee\'s work can be traced up to the IKU (cascading).'], contoh: 'IKU "Public satisfaction index" target 85; the service unit\'s PK "Share of services finished on time" target 95%; the unit head\'s RHK linked to that PK indicator.' },
  jejakIku: { judul: 'Trace to the IKU', isi: ['Each of your RHK and the PK indicator or IKU it supports. An RHK without a link does not yet show its contribution to the organisation.'], contoh: '' },
  capaianOrg: { judul: 'Organisation achievement', isi: ['Quarterly and yearly results of the IKU and PK with evidence, achievement per indicator and per unit, and the suggested organisational grade the head confirms.'], contoh: 'Achievement = result / target × 100%; for lower-is-better indicators, target / result × 100%.' },
  panduan: { judul: 'Guide', isi: ['Step-by-step guides for every role. Screenshots are taken automatically by the application tests, so they always match the current screens.', 'Download the PDF to print or share in training.'], contoh: '' },
};

