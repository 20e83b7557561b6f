import type { OutgoingEmail } from '@/lib/mailer';

/**
 * The email telling a resident that the committee answered their question. Written in
 * French (residents have no account, hence no language), plain, with the link to the
 * decision page where the answer is shown. It repeats neither the question nor the answer:
 * the page is the record, and an email is easily forwarded.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

export function renderAnswerEmail(question: { registerReference: string; askerName: string | null }, to: string, { appUrl }: { appUrl: string }): OutgoingEmail {
  const link = `${appUrl}/registre/${encodeURIComponent(question.registerReference)}#questions`;
  const greeting = question.askerName ? `Bonjour ${question.askerName},` : 'Bonjour,';
  const lines = [
    greeting,
    `Le comité d’éthique de la vidéoprotection a répondu à la question que vous avez posée sur la décision ${question.registerReference}. La réponse est publiée sur la page de la décision :`,
    link,
    'Votre adresse électronique ne servait qu’à vous prévenir : elle est maintenant effacée.',
  ];
  return {
    to,
    subject: `Réponse du comité à votre question (décision ${question.registerReference})`,
    text: lines.join('\n\n'),
    html: [
      '<!doctype html><html lang="fr"><body>',
      `<p>${escapeHtml(lines[0]!)}</p>`,
      `<p>${escapeHtml(lines[1]!)}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
      `<p style="color:#555">${escapeHtml(lines[3]!)}</p>`,
      '</body></html>',
    ].join('\n'),
  };
}
