-- A background job's label: the name of the file it imports, as the console sent it (shown in
-- the console's list of jobs). No shopper data.
ALTER TABLE jobs ADD COLUMN label TEXT;
