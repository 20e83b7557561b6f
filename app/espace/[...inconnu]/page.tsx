import { notFound } from 'next/navigation';

/** Any address under /espace that matches no page: the staff area's own "not found" (app/espace/not-found.tsx). */
export default function UnknownStaffPage() {
  notFound();
}
